package dev.agentteam.orchestrator.task;

import dev.agentteam.common.queue.ClaimedTask;
import dev.agentteam.common.queue.TaskQueue;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.QualityResult;
import dev.agentteam.common.task.StoryDelivered;
import dev.agentteam.common.task.TaskState;
import dev.agentteam.common.testing.ContainerServices;
import dev.agentteam.orchestrator.support.DomainEvents;
import dev.agentteam.orchestrator.support.QueueClaims;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One Spring context for every task-feature test: real Postgres (the test's own database) and real Redis (its own
 * db index), the real queue implementation. Each test starts from empty tables and an empty Redis db.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import({ContainerServices.class, DomainEvents.class})
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
    /** The domain events committed since the test began (after the commit, the way other features hear them). */
    @Autowired
    DomainEvents events;

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

    /**
     * Waits until the task is in {@code status}: an outcome (SUCCEEDED, DEAD, BLOCKED, FAILED for good) is awaited as
     * its event, past a BLOCKED unless that is awaited.
     */
    TaskView awaitStatus(long taskId, TaskState status) {
        if (status == TaskState.RUNNING) {
            // clock wait: a worker's start notice moves the task to RUNNING and publishes no event
            await().atMost(Duration.ofSeconds(20)).until(() -> tasks.find(taskId).orElseThrow().status() == status);
        } else {
            events.awaitTaskEnd("task " + taskId + " " + status, end -> end.taskId() == taskId
                    && (status == TaskState.BLOCKED || !(end.event() instanceof TaskBlocked)), Duration.ofSeconds(20));
        }
        TaskView task = tasks.find(taskId).orElseThrow();
        assertThat(task.status()).as("task %d: %s", taskId, task.lastError()).isEqualTo(status);
        return task;
    }

    /** Claims as a worker would: blocked on the queue until a task is handed out. */
    ClaimedTask claim(AgentRole role, String workerId) {
        return QueueClaims.next(queue, role, workerId, Duration.ofSeconds(20));
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
}
