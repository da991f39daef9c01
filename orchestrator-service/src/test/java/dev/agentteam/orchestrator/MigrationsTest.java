package dev.agentteam.orchestrator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrations build the whole schema on an EMPTY database, Hibernate validates every entity against it
 * ({@code ddl-auto=validate}), and the first start creates the bootstrap user without blocking later inserts.
 * The database is created (with the superuser-only {@code vector} extension) and dropped by the test.
 */
class MigrationsTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private final String database = System.getenv().getOrDefault("AGENT_TEAM_TEST_DB", "agentteam_test")
            + "_fresh_" + ProcessHandle.current().pid();

    @BeforeEach
    void createEmptyDatabase() throws SQLException {
        asSuperuser("postgres", "drop database if exists " + database + " with (force)",
                "create database " + database + " owner agentteam");
        asSuperuser(database, "create extension vector");
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        asSuperuser("postgres", "drop database if exists " + database + " with (force)");
    }

    @Test
    void migrationsApplyToAnEmptyDatabaseAndTheEntitiesValidate() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(OrchestratorApplication.class)
                .web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + SERVER + database, "--spring.jpa.hibernate.ddl-auto=validate",
                        "--spring.flyway.enabled=true")) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

            assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Long.class))
                    .isEqualTo(jdbc.queryForObject("select count(*) from flyway_schema_history", Long.class))
                    .isPositive();
            assertThat(jdbc.queryForMap("select id, name, role from users"))
                    .containsEntry("id", 1L).containsEntry("name", "admin").containsEntry("role", "admin");
            Long next = jdbc.queryForObject("insert into users (name) values ('second') returning id", Long.class);
            assertThat(next).isEqualTo(2L);
        }
    }

    private static void asSuperuser(String database, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER + database, "postgres", "");
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
