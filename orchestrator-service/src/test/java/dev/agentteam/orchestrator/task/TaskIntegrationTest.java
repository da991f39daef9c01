package dev.agentteam.orchestrator.task;

import dev.agentteam.common.queue.ClaimedTask;
import dev.agentteam.common.queue.TaskQueue;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.QualityResult;
import dev.agentteam.common.task.StoryDelivered;
import dev.agentteam.common.task.TaskState;
import dev.agentteam.common.testing.ContainerServices;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;

/**
 * One Spring context for every task-feature test: real Postgres (the test's own database) and real Redis (its own
 * db index), the real queue implementation. Each test starts from empty tables and an empty Redis db.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import({ContainerServices.class, TaskIntegrationTest.EventsConfiguration.class})
abstract class TaskIntegrationTest {

    /** A {@code dev.implement_story} result: pull request #3 (the one field its record requires). */
    static final StoryDelivered DELIVERED = new StoryDelivered(3, null, "feature/ISSUE-1", null, null, true, null, null,
            null, "done", 1, null);
    /** A {@code qa.triage} result for a green CI: nothing to classify. */
    static final QualityResult.Triage CLEAN = new QualityResult.Triage(QualityResult.Triage.CLEAN, null, null, null, null,
            null, null, null, null, null, true);


    @Autowired
    Tasks tasks;
    @Autowired
    TaskQueue queue;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    Reconciler reconciler;
    @Autowired
    CollectedEvents events;

    @BeforeEach
    void cleanSlate() {
        jdbc.sql("truncate tasks, users restart identity cascade").update();
        redis.execute((RedisCallback<Void>) connection -> {
            connection.serverCommands().flushDb();
            return null;
        });
        events.clear();
    }

    TaskView createTask(AgentRole role, String type) {
        return tasks.create(new NewTask(type, role, null, null, Map.of("epic_title", "Login with GitHub")));
    }

    TaskView awaitStatus(long taskId, TaskState status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> tasks.find(taskId).orElseThrow().status() == status);
        return tasks.find(taskId).orElseThrow();
    }

    /** Claims as a worker would, waiting until the task with this id is handed out. */
    ClaimedTask claim(AgentRole role, String workerId) {
        Optional<ClaimedTask>[] box = new Optional[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            box[0] = queue.claim(role, workerId, Duration.ofMillis(200));
            return box[0].isPresent();
        });
        return box[0].get();
    }

    /**
     * The timeline with the RUNNING steps folded away: a worker's start notice and its outcome may be applied by two
     * result consumers in either order, so a fast attempt shows QUEUED>RUNNING>X or just QUEUED>X.
     */
    List<String> transitionsWithoutRunning(long taskId) {
        return transitions(taskId).stream().filter(step -> !step.equals("QUEUED>RUNNING"))
                .map(step -> step.startsWith("RUNNING>") ? "QUEUED>" + step.substring("RUNNING>".length()) : step).toList();
    }

    List<String> transitions(long taskId) {
        return jdbc.sql("select coalesce(from_status, '-') || '>' || to_status from task_transitions where task_id = ? order by at, id")
                .param(taskId).query(String.class).list();
    }

    long insertUser(String name) {
        return jdbc.sql("insert into users (name, email) values (?, ?) returning id")
                .params(name, name.toLowerCase() + "@example.com").query(Long.class).single();
    }

    /** Listens the way other features must: after the commit of the transaction that applied the result. */
    static class CollectedEvents {
        final List<Object> received = new CopyOnWriteArrayList<>();

        @TransactionalEventListener
        void on(TaskSucceeded event) {
            received.add(event);
        }

        @TransactionalEventListener
        void on(TaskFailed event) {
            received.add(event);
        }

        @TransactionalEventListener
        void on(TaskBlocked event) {
            received.add(event);
        }

        <T> List<T> of(Class<T> type) {
            return received.stream().filter(type::isInstance).map(type::cast).toList();
        }

        void clear() {
            received.clear();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class EventsConfiguration {
        @Bean
        CollectedEvents collectedEvents() {
            return new CollectedEvents();
        }
    }
}
