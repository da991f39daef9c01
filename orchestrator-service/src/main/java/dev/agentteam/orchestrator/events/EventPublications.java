package dev.agentteam.orchestrator.events;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.List;

/**
 * What the event publication registry holds that has not completed: reactions whose listener threw, or that were cut
 * off by a stop. Read from Spring Modulith's {@code event_publication} table, which this module owns (V80).
 */
@Component
public class EventPublications {

    private final JdbcClient jdbc;

    EventPublications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long incompleteCount() {
        return jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single();
    }

    /** The oldest incomplete publications first, at most {@code limit}. */
    public List<IncompletePublication> incomplete(int limit) {
        return jdbc.sql("""
                        select listener_id, event_type, publication_date, coalesce(completion_attempts, 0) as attempts
                        from event_publication where completion_date is null order by publication_date limit ?""")
                .param(limit)
                .query((row, n) -> new IncompletePublication(row.getString("listener_id"), row.getString("event_type"),
                        row.getObject("publication_date", Timestamp.class).toInstant(), row.getInt("attempts")))
                .list();
    }
}
