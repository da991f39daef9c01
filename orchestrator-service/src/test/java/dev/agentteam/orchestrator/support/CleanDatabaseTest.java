package dev.agentteam.orchestrator.support;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared clean-up covers every table of the schema, read from information_schema: each test starts with every
 * table empty but the few {@link IntegrationTest#KEPT_TABLES}, whatever ran before it.
 */
class CleanDatabaseTest extends IntegrationTest {

    @Test
    void everyTableOfTheSchemaButTheKeptOnesIsEmptyWhenATestStarts() {
        List<String> tables = jdbc.queryForList("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name""", String.class);

        assertThat(tables).contains("tasks", "commit_statuses", "event_publication", "webhook_deliveries", "repositories")
                .containsAll(KEPT_TABLES);
        // the only rows are those this base class itself writes after the clean-up: user 1's API token
        assertThat(jdbc.queryForObject("select count(*) from api_tokens where user_id <> 1", Long.class)).isZero();
        assertThat(tables).filteredOn(table -> !KEPT_TABLES.contains(table) && !table.equals("api_tokens"))
                .allSatisfy(table -> assertThat(jdbc.queryForObject("select count(*) from " + table, Long.class))
                        .as("rows in " + table).isZero());
        assertThat(jdbc.queryForList("select id from users", Long.class)).containsExactly(1L);
    }

    @Test
    void rowsATestLeavesInAnyTableAreGoneForTheNext() {
        jdbc.update("""
                insert into event_publication (id, listener_id, event_type, serialized_event, publication_date)
                values (gen_random_uuid(), 'left.by.a.Test', 'java.lang.String', '"x"', now())""");
        jdbc.update("""
                insert into webhook_deliveries (source, delivery_id, event, payload, processed_at, outcome)
                values ('github', 'left-by-a-test', 'ping', '{}', now(), 'test')""");

        cleanDatabase();

        assertThat(jdbc.queryForObject("select count(*) from event_publication", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from webhook_deliveries", Long.class)).isZero();
    }
}
