package dev.agentteam.orchestrator.support;

import dev.agentteam.common.testing.ContainerServices;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one shared base of the orchestrator's integration tests: the whole application on a random port against
 * the real PostgreSQL and Redis, with the real task feature (its queue envelopes go to the test's Redis index;
 * no agent consumes them). Every test starts from empty domain tables and only user 1, the bootstrap admin.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ContainerServices.class)
public abstract class IntegrationTest {

    @LocalServerPort
    private int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    private ApplicationContext context;

    /** The API as user 1, the bootstrap admin (may do everything). */
    protected TestApi api;
    /** The API without credentials. */
    protected TestApi anonymous;
    /** Makes users and their tokens: {@code api.as(users.person("viewer"))}. */
    protected TestUsers users;

    @BeforeEach
    void cleanDatabase() {
        truncateRetryingDeadlocks();
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
     * Work the previous test started asynchronously (webhook deliveries, the reactions they trigger) may still hold
     * row locks; TRUNCATE then deadlocks with it. Postgres aborts one side, so trying again a few times is enough.
     */
    private void truncateRetryingDeadlocks() {
        for (int attempt = 1; ; attempt++) {
            try {
                jdbc.execute("truncate status_changes, epics, stories, story_dependencies, sprints, sprint_stories, tasks, task_transitions, "
                        + "pr_records, approvals, clarifications, artifacts, agent_logs, test_runs, flaky_tests, api_tokens, eval_runs "
                        + "restart identity cascade");
                return;
            } catch (org.springframework.dao.PessimisticLockingFailureException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    protected long seedUser(String name) {
        return jdbc.queryForObject("insert into users (name) values (?) returning id", Long.class, name);
    }
}
