package dev.agentteam.orchestrator.support;

import dev.agentteam.common.testing.ContainerServices;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Set;

/**
 * The one shared base of the orchestrator's integration tests: the whole application on a random port against
 * the real PostgreSQL and Redis, with the real task feature (its queue envelopes go to the test's Redis index;
 * no agent consumes them). Every test starts from empty tables (every table of the schema but {@link #KEPT_TABLES})
 * and only user 1, the bootstrap admin, with no task envelope or result left on the queue, and with no domain event
 * recorded: tests wait for what happened asynchronously on {@link #domainEvents}, not on the clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ContainerServices.class, DomainEvents.class})
public abstract class IntegrationTest {

    /**
     * The tables the clean-up leaves: Flyway's history, {@code users} (emptied below but for user 1, whom the
     * context bootstrapped) and {@code embedding_model}, which describes the embeddings column of the schema and is
     * reconciled once per context. {@code CleanDatabaseTest} proves every other table starts empty.
     */
    public static final Set<String> KEPT_TABLES = Set.of("flyway_schema_history", "users", "embedding_model");

    private static volatile String truncate;

    @LocalServerPort
    private int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    private ApplicationContext context;

    @Autowired
    private StringRedisTemplate redis;

    /** The domain events committed since this test began; await the one that says the awaited thing happened. */
    @Autowired
    protected DomainEvents domainEvents;

    /** The API as user 1, the bootstrap admin (may do everything). */
    protected TestApi api;
    /** The API without credentials. */
    protected TestApi anonymous;
    /** Makes users and their tokens: {@code api.as(users.person("viewer"))}. */
    protected TestUsers users;

    @BeforeEach
    void cleanDatabase() {
        Truncation.retryingDeadlocks(jdbc, truncateStatement());
        clearTheQueue();
        domainEvents.clear();
        jdbc.update("delete from users where id > 1");
        // Other test contexts may have emptied users after this context bootstrapped user 1.
        jdbc.update("insert into users (id, username, name, role) values (1, 'admin', 'admin', 'admin') on conflict (id) do nothing");
        jdbc.update("update users set failed_login_count = 0, locked_until = null, enabled = true where id = 1");
        jdbc.queryForObject("select setval(pg_get_serial_sequence('users', 'id'), (select max(id) from users))", Long.class);
        users = new TestUsers(context);
        anonymous = new TestApi(port);
        api = new TestApi(port, users.admin());
    }

    /**
     * Task ids start at 1 again after every truncate, so an envelope or a result an earlier test (or test context)
     * left on this Redis index would be taken for this test's task of the same id: a worker started now would run
     * that stale task, or its result would be applied to the wrong one. The queue starts empty, like the tables.
     */
    private void clearTheQueue() {
        Set<String> keys = redis.keys("tasks:*");
        if (keys != null && !keys.isEmpty()) {
            redis.delete(keys);
        }
    }

    /** Every table of the schema but {@link #KEPT_TABLES}, read from information_schema once per test JVM. */
    private String truncateStatement() {
        String statement = truncate;
        if (statement == null) {
            List<String> tables = jdbc.queryForList("""
                    select table_name from information_schema.tables
                    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name""", String.class)
                    .stream().filter(table -> !KEPT_TABLES.contains(table)).toList();
            statement = "truncate " + String.join(", ", tables) + " restart identity cascade";
            truncate = statement;
        }
        return statement;
    }

    protected long seedUser(String name) {
        return jdbc.queryForObject("insert into users (name) values (?) returning id", Long.class, name);
    }
}
