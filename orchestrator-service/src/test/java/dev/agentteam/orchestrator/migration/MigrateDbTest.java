package dev.agentteam.orchestrator.migration;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** scripts/migrate_db.sh's entry point against a fresh database: migrate, info, validate, and a tampered history. */
class MigrateDbTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private final String database = System.getenv().getOrDefault("AGENT_TEAM_TEST_DB", "agentteam_test")
            + "_migrate_" + ProcessHandle.current().pid();
    private final Map<String, String> env = Map.of("SPRING_DATASOURCE_URL", SERVER + database,
            "SPRING_DATASOURCE_USERNAME", "agentteam", "SPRING_DATASOURCE_PASSWORD", "agentteam-local-dev");
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    @BeforeEach
    void createEmptyDatabase() throws SQLException {
        sql("postgres", "drop database if exists " + database + " with (force)", "create database " + database + " owner agentteam");
        sql(database, "create extension vector");
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        sql("postgres", "drop database if exists " + database + " with (force)");
    }

    @Test
    void migratesAnEmptyDatabaseThenReportsAndValidatesIt() {
        assertThat(run("info")).isZero();
        assertThat(text()).contains("Pending").doesNotContain("Success");

        assertThat(run("migrate")).isZero();
        assertThat(text()).containsPattern("applied [1-9][0-9]* migration\\(s\\)");

        assertThat(run("info")).isZero();
        assertThat(text()).contains("Success").doesNotContain("Pending");
        assertThat(run("validate")).isZero();
        assertThat(text()).contains("valid: the database matches");
        assertThat(run("migrate")).isZero();
        assertThat(text()).contains("applied 0 migration(s)");
    }

    @Test
    void validateFailsWhenAnAppliedMigrationWasChanged() throws SQLException {
        assertThat(run("migrate")).isZero();
        sql(database, "update flyway_schema_history set checksum = checksum + 1 where version = '1'");

        assertThat(run("validate")).isEqualTo(1);
        assertThat(text()).contains("invalid: 1");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(run("drop-everything")).isEqualTo(2);
        assertThat(text()).contains("usage: migrate | info | validate");
    }

    private int run(String command) {
        output.reset();
        return MigrateDb.run(command, env, Path.of("/nonexistent"), out);
    }

    private String text() {
        return output.toString(StandardCharsets.UTF_8);
    }

    private static void sql(String database, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER + database, "postgres", "");
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
