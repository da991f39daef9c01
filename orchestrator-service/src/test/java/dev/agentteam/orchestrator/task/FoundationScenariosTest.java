package dev.agentteam.orchestrator.task;

import dev.agentteam.common.queue.ClaimedTask;
import dev.agentteam.common.queue.DeadLetter;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.TaskResult;
import dev.agentteam.common.task.TaskState;
import dev.agentteam.common.task.TokenUsage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The four failure scenarios of the foundation issue, against real Postgres and Redis. */
class FoundationScenariosTest extends TaskIntegrationTest {

    private static final TokenUsage USAGE = new TokenUsage(120, 30, new BigDecimal("0.0015"));

    @Test
    void aWorkerThatDiesMidTaskHasItsTaskDeliveredAgainAfterTheLeaseAndCompletedOnce() {
        TaskView task = createTask(AgentRole.DEV, "dev.implement_story");
        queue.heartbeat(AgentRole.DEV, "dying", Duration.ofMillis(300));
        ClaimedTask lost = claim(AgentRole.DEV, "dying");
        assertThat(lost.task().taskId()).isEqualTo(task.id());

        // The dying worker never heartbeats again and never completes; once its heartbeat expires the claim is reaped.
        ClaimedTask[] redelivered = new ClaimedTask[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            reconciler.reconcile();
            redelivered[0] = queue.claim(AgentRole.DEV, "survivor", Duration.ofMillis(200)).orElse(null);
            return redelivered[0] != null;
        });
        assertThat(redelivered[0].task().taskId()).isEqualTo(task.id());
        assertThat(redelivered[0].task().attempt()).isEqualTo(1);
        queue.complete(redelivered[0], TaskResult.succeeded(redelivered[0].task(), "survivor", Map.of("stories", 3), USAGE));

        TaskView done = awaitStatus(task.id(), TaskState.SUCCEEDED);
        assertThat(done.result()).containsEntry("stories", 3);
        assertThat(transitions(task.id())).containsExactly("->PENDING", "PENDING>QUEUED", "QUEUED>SUCCEEDED");
        await().until(() -> events.of(TaskSucceeded.class).size() == 1);
        assertThat(events.of(TaskSucceeded.class).get(0).taskId()).isEqualTo(task.id());
    }

    @Test
    void flushingRedisLosesNoWorkBecauseTheReconcilerRestoresEveryQueuedTask() {
        Set<Long> ids = IntStream.range(0, 5).mapToObj(i -> createTask(AgentRole.QA, "qa.triage_results").id())
                .collect(Collectors.toSet());
        await().until(() -> queue.heldTaskIds(AgentRole.QA).containsAll(ids));

        redis.execute((org.springframework.data.redis.core.RedisCallback<Void>) connection -> {
            connection.serverCommands().flushDb();
            return null;
        });
        assertThat(queue.heldTaskIds(AgentRole.QA)).isEmpty();

        assertThat(reconciler.reconcile()).isEqualTo(5);
        assertThat(queue.heldTaskIds(AgentRole.QA)).containsExactlyInAnyOrderElementsOf(ids);
        ClaimedTask restored = claim(AgentRole.QA, "qa-1");
        assertThat(restored.task().attempt()).isEqualTo(1);
        assertThat(restored.task().payload()).containsEntry("epic_title", "Login with GitHub");
        // Nothing is pushed twice: every id is held once it is back.
        assertThat(reconciler.reconcile()).isZero();
    }

    @Test
    void theSameResultDeliveredTwiceIsAppliedOnce() {
        TaskView task = createTask(AgentRole.PO, "po.refine_epic");
        ClaimedTask claimed = claim(AgentRole.PO, "po-1");
        TaskResult result = TaskResult.succeeded(claimed.task(), "po-1", Map.of("stories", List.of("a", "b")), USAGE);

        queue.complete(claimed, result);
        awaitStatus(task.id(), TaskState.SUCCEEDED);
        queue.complete(claimed, result);
        await().atMost(Duration.ofSeconds(20)).until(this::resultsAllConsumed);

        TaskView after = tasks.find(task.id()).orElseThrow();
        assertThat(after.attemptCount()).isEqualTo(1);
        assertThat(transitions(task.id())).containsExactly("->PENDING", "PENDING>QUEUED", "QUEUED>SUCCEEDED");
        Map<String, Object> counts = jdbc.sql("select input_tokens, output_tokens, cost_usd from tasks where id = ?")
                .param(task.id()).query().singleRow();
        assertThat(counts.get("input_tokens")).isEqualTo(120L);
        assertThat(counts.get("output_tokens")).isEqualTo(30L);
        assertThat((BigDecimal) counts.get("cost_usd")).isEqualByComparingTo("0.0015");
        assertThat(events.of(TaskSucceeded.class)).hasSize(1);
    }

    @Test
    void aTaskThatFailsEveryAttemptEndsDeadInPostgresAndInTheDeadLetterList() {
        TaskView task = createTask(AgentRole.DEV, "dev.implement_story");
        for (int attempt = 1; attempt <= 3; attempt++) {
            ClaimedTask claimed = claim(AgentRole.DEV, "dev-1");
            assertThat(claimed.task().attempt()).isEqualTo(attempt);
            queue.complete(claimed, TaskResult.failed(claimed.task(), "dev-1", "tests still red (" + attempt + ")", true, USAGE));
        }

        TaskView dead = awaitStatus(task.id(), TaskState.DEAD);
        assertThat(dead.lastError()).isEqualTo("tests still red (3)");
        assertThat(dead.attemptCount()).isEqualTo(3);
        assertThat(transitions(task.id())).containsExactly("->PENDING", "PENDING>QUEUED",
                "QUEUED>FAILED", "FAILED>QUEUED", "QUEUED>FAILED", "FAILED>QUEUED", "QUEUED>DEAD");
        await().until(() -> !queue.deadLetters(10).isEmpty());
        DeadLetter letter = queue.deadLetters(10).get(0);
        assertThat(letter.task().taskId()).isEqualTo(task.id());
        assertThat(letter.lastError()).isEqualTo("tests still red (3)");
        await().until(() -> events.of(TaskFailed.class).size() == 1);
        assertThat(events.of(TaskFailed.class).get(0).error()).isEqualTo("tests still red (3)");

        // Each retry waited for its backoff (base 100 ms, factor 2, jitter 10%): never re-queued before it was due.
        List<Instant> failedAt = times(task.id(), "FAILED");
        List<Instant> requeuedAt = jdbc.sql("select at from task_transitions where task_id = ? and from_status = 'FAILED' order by at")
                .param(task.id()).query(java.sql.Timestamp.class).list().stream().map(java.sql.Timestamp::toInstant).toList();
        assertThat(Duration.between(failedAt.get(0), requeuedAt.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(90));
        assertThat(Duration.between(failedAt.get(1), requeuedAt.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(180));
    }

    @Test
    void aFailureThatIsNotRetryableGoesStraightToDead() {
        TaskView task = createTask(AgentRole.REVIEW, "review.review_pr");
        ClaimedTask claimed = claim(AgentRole.REVIEW, "review-1");
        queue.complete(claimed, TaskResult.failed(claimed.task(), "review-1", "pull request not found", false, USAGE));

        TaskView dead = awaitStatus(task.id(), TaskState.DEAD);
        assertThat(dead.attemptCount()).isEqualTo(1);
        assertThat(dead.lastError()).isEqualTo("pull request not found");
    }

    private List<Instant> times(long taskId, String toStatus) {
        return jdbc.sql("select at from task_transitions where task_id = ? and to_status = ? order by at")
                .params(taskId, toStatus).query(java.sql.Timestamp.class).list().stream()
                .map(java.sql.Timestamp::toInstant).toList();
    }

    private boolean resultsAllConsumed() {
        Long done = redis.opsForList().size("tasks:done");
        Set<String> processing = redis.keys("tasks:done:processing:*");
        boolean processingEmpty = processing == null || processing.stream()
                .allMatch(key -> {
                    Long size = redis.opsForList().size(key);
                    return size == null || size == 0;
                });
        return (done == null || done == 0) && processingEmpty;
    }
}
