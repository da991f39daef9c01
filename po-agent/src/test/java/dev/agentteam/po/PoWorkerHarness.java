package dev.agentteam.po;

import dev.agentteam.common.queue.ClaimedResult;
import dev.agentteam.common.queue.ResultInbox;
import dev.agentteam.common.queue.TaskQueue;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.TaskEnvelope;
import dev.agentteam.common.task.ResultStatus;
import dev.agentteam.common.task.TaskResult;
import org.flywaydb.core.Flyway;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Plays the orchestrator for the PO worker under test: a task row (agent_logs refers to it), the envelope on
 * {@code tasks:pending:po}, and the worker's result taken from {@code tasks:done}.
 */
final class PoWorkerHarness {

    private static volatile boolean migrated;

    private final JdbcClient jdbc;
    private final TaskQueue queue;
    private final ResultInbox inbox;

    PoWorkerHarness(DataSource dataSource, JdbcClient jdbc, TaskQueue queue, ResultInbox inbox, StringRedisTemplate redis) {
        this.jdbc = jdbc;
        this.queue = queue;
        this.inbox = inbox;
        if (!migrated) {
            // The orchestrator owns the schema; here the tests create it from the same migration files.
            Flyway.configure().dataSource(dataSource).locations("filesystem:../migrations").load().migrate();
            migrated = true;
        }
        redis.execute((RedisCallback<Void>) connection -> {
            connection.serverCommands().flushDb();
            return null;
        });
    }

    TaskResult refine(Map<String, Object> payload) {
        return refine(payload, 1);
    }

    TaskResult refine(Map<String, Object> payload, int attempt) {
        long taskId = newTask();
        queue.enqueue(new TaskEnvelope(taskId, PoTaskHandler.TYPE, AgentRole.PO, attempt, PATIENCE,
                "trace-" + taskId, Instant.now(), payload));
        return awaitResult(taskId);
    }

    long newTask() {
        return jdbc.sql("insert into tasks (type, assigned_to, trace_id) values ('po.refine_epic', 'po', ?) returning id")
                .param(UUID.randomUUID().toString()).query(Long.class).single();
    }

    /** How long a refinement may take on a loaded 2-core machine (a condition wait: a quick result returns at once). */
    private static final Duration PATIENCE = Duration.ofSeconds(180);

    TaskResult awaitResult(long taskId) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ClaimedResult> taken = inbox.take("po-test", Duration.ofMillis(500));
            if (taken.isPresent()) {
                inbox.acknowledge(taken.get());
                // the worker's start notice (RUNNING) comes first; the outcome follows
                if (taken.get().result().taskId() == taskId && taken.get().result().status() != ResultStatus.STARTED) {
                    return taken.get().result();
                }
            }
        }
        throw new AssertionError("no result for task " + taskId + " within " + PATIENCE.toSeconds() + " s");
    }

    List<Map<String, Object>> auditRows(long taskId) {
        return jdbc.sql("select * from agent_logs where task_id = ? order by id").param(taskId).query().listOfRows();
    }
}
