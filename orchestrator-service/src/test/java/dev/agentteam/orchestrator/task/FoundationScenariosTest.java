package dev.agentteam.orchestrator.task;

import dev.agentteam.common.queue.ClaimedTask;
import dev.agentteam.common.queue.DeadLetter;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.TaskEnvelope;
import dev.agentteam.common.task.RefinedStories;
import dev.agentteam.common.task.TaskResult;
import dev.agentteam.common.task.TaskState;
import dev.agentteam.common.task.TokenUsage;
import dev.agentteam.common.worker.TransientTaskException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

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

/**
 * The four failure scenarios of the foundation issue, against real Postgres and Redis, with the agents-common worker
 * runtime (in {@link AgentProcess}) and small test handlers as the agents.
 */
class FoundationScenariosTest extends TaskIntegrationTest {

    @Autowired
    Environment environment;

    private static final TokenUsage USAGE = new TokenUsage(120, 30, new BigDecimal("0.0015"));

    @Test
    void aWorkerThatDiesMidTaskHasItsTaskDeliveredAgainAfterTheLeaseAndCompletedOnce() {
        TaskView task = createTask(AgentRole.DEV, "dev.implement_story");
        // A worker process that died right after its BLMOVE: the claim sits in its in-progress list, and its
        // heartbeat (the lease) runs out because nothing renews it.
        queue.heartbeat(AgentRole.DEV, "dying", Duration.ofMillis(300));
        ClaimedTask lost = claim(AgentRole.DEV, "dying");
        assertThat(lost.task().taskId()).isEqualTo(task.id());

        TestHandler agent = new TestHandler("dev.implement_story",
                (envelope, context) -> TaskResult.succeeded(envelope, context.workerId(), DELIVERED, USAGE));
        try (AgentProcess survivor = AgentProcess.start(environment, AgentRole.DEV, "survivor", agent)) {
            TaskView done = awaitStatus(task.id(), TaskState.SUCCEEDED);

            assertThat(agent.timesHandled(task.id())).isEqualTo(1);
            assertThat(agent.handled.get(0).attempt()).isEqualTo(1);
            assertThat(done.result()).containsEntry("pr_number", 3);
            assertThat(done.attemptCount()).isEqualTo(1);
            assertThat(transitionsWithoutRunning(task.id())).containsExactly("->PENDING", "PENDING>QUEUED", "QUEUED>SUCCEEDED");
            assertThat(events.seen(TaskSucceeded.class)).hasSize(1);
            assertThat(events.seen(TaskSucceeded.class).get(0).taskId()).isEqualTo(task.id());
        }
    }

    @Test
    void flushingRedisLosesNoWorkBecauseTheReconcilerRestoresEveryQueuedTask() {
        Set<Long> ids = IntStream.range(0, 5).mapToObj(i -> createTask(AgentRole.QA, "qa.triage").id())
                .collect(Collectors.toSet());
        // clock wait: a task's envelope reaching Redis publishes no event
        await().until(() -> queue.heldTaskIds(AgentRole.QA).containsAll(ids));

        redis.execute((org.springframework.data.redis.core.RedisCallback<Void>) connection -> {
            connection.serverCommands().flushDb();
            return null;
        });
        assertThat(queue.heldTaskIds(AgentRole.QA)).isEmpty();

        assertThat(reconciler.reconcile()).isEqualTo(5);
        assertThat(queue.heldTaskIds(AgentRole.QA)).containsExactlyInAnyOrderElementsOf(ids);
        // Nothing is pushed twice: every id is held once it is back.
        assertThat(reconciler.reconcile()).isZero();

        TestHandler agent = new TestHandler("qa.triage",
                (envelope, context) -> TaskResult.succeeded(envelope, context.workerId(), CLEAN, USAGE));
        try (AgentProcess qa = AgentProcess.start(environment, AgentRole.QA, "qa-agent", agent)) {
            ids.forEach(id -> awaitStatus(id, TaskState.SUCCEEDED));
        }
        ids.forEach(id -> assertThat(agent.timesHandled(id)).isEqualTo(1));
        assertThat(agent.handled).allSatisfy(envelope -> {
            assertThat(envelope.attempt()).isEqualTo(1);
            assertThat(envelope.payload()).containsEntry("epic_title", "Login with GitHub");
        });
    }

    @Test
    void theSameResultDeliveredTwiceIsAppliedOnce() {
        TaskView task = createTask(AgentRole.PO, "po.refine_epic");
        ClaimedTask claimed = claim(AgentRole.PO, "po-1");
        TaskResult result = TaskResult.succeeded(claimed.task(), "po-1", new RefinedStories(List.of(), "po_agent_v2"), USAGE);

        queue.complete(claimed, result);
        awaitStatus(task.id(), TaskState.SUCCEEDED);
        queue.complete(claimed, result);
        // clock wait: a duplicate result is ignored, which publishes nothing; its removal from Redis is the only sign
        await().atMost(Duration.ofSeconds(20)).until(this::resultsAllConsumed);

        TaskView after = tasks.find(task.id()).orElseThrow();
        assertThat(after.attemptCount()).isEqualTo(1);
        assertThat(transitions(task.id())).containsExactly("->PENDING", "PENDING>QUEUED", "QUEUED>SUCCEEDED");
        Map<String, Object> counts = jdbc.sql("select input_tokens, output_tokens, cost_usd from tasks where id = ?")
                .param(task.id()).query().singleRow();
        assertThat(counts.get("input_tokens")).isEqualTo(120L);
        assertThat(counts.get("output_tokens")).isEqualTo(30L);
        assertThat((BigDecimal) counts.get("cost_usd")).isEqualByComparingTo("0.0015");
        assertThat(events.seen(TaskSucceeded.class)).hasSize(1);
    }

    @Test
    void aTaskThatFailsEveryAttemptEndsDeadInPostgresAndInTheDeadLetterList() {
        TaskView task = createTask(AgentRole.DEV, "dev.implement_story");
        TestHandler agent = new TestHandler("dev.implement_story", (envelope, context) -> {
            throw new TransientTaskException("tests still red (" + envelope.attempt() + ")");
        });
        try (AgentProcess flaky = AgentProcess.start(environment, AgentRole.DEV, "flaky", agent)) {
            awaitStatus(task.id(), TaskState.DEAD);
        }
        assertThat(agent.handled).extracting(TaskEnvelope::attempt).containsExactly(1, 2, 3);

        TaskView dead = tasks.find(task.id()).orElseThrow();
        assertThat(dead.lastError()).isEqualTo("tests still red (3)");
        assertThat(dead.attemptCount()).isEqualTo(3);
        assertThat(transitionsWithoutRunning(task.id())).containsExactly("->PENDING", "PENDING>QUEUED",
                "QUEUED>FAILED", "FAILED>QUEUED", "QUEUED>FAILED", "FAILED>QUEUED", "QUEUED>DEAD");
        // clock wait: the dead letter is pushed to Redis after the commit, which publishes no event
        await().until(() -> !queue.deadLetters(10).isEmpty());
        DeadLetter letter = queue.deadLetters(10).get(0);
        assertThat(letter.task().taskId()).isEqualTo(task.id());
        assertThat(letter.lastError()).isEqualTo("tests still red (3)");
        assertThat(events.seen(TaskFailed.class)).hasSize(1);
        assertThat(events.seen(TaskFailed.class).get(0).error()).isEqualTo("tests still red (3)");

        // Each retry waited for its backoff (base 100 ms, factor 2, jitter 10%): never re-queued before it was due.
        List<Instant> failedAt = times(task.id(), "FAILED");
        List<Instant> requeuedAt = jdbc.sql("select at from task_transitions where task_id = ? and from_status = 'FAILED' order by at")
                .param(task.id()).query(java.sql.Timestamp.class).list().stream().map(java.sql.Timestamp::toInstant).toList();
        assertThat(Duration.between(failedAt.get(0), requeuedAt.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(90));
        assertThat(Duration.between(failedAt.get(1), requeuedAt.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(180));
    }

    @Test
    void aFailureThatIsNotRetryableEndsFailedWithItsReasonNotDead() {
        TaskView task = createTask(AgentRole.REVIEW, "review.review_pr");
        ClaimedTask claimed = claim(AgentRole.REVIEW, "review-1");
        queue.complete(claimed, TaskResult.failed(claimed.task(), "review-1", "pull request not found", false, USAGE));

        events.await(TaskFailed.class, Duration.ofSeconds(10));
        assertThat(events.seen(TaskFailed.class)).hasSize(1);
        TaskView failed = tasks.find(task.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(TaskState.FAILED);
        assertThat(failed.ended()).as("no retry scheduled").isTrue();
        assertThat(failed.nextAttemptAt()).isNull();
        assertThat(failed.finishedAt()).isNotNull();
        assertThat(failed.attemptCount()).isEqualTo(1);
        assertThat(failed.lastError()).isEqualTo("pull request not found");
        assertThat(events.seen(TaskFailed.class).get(0).error()).isEqualTo("pull request not found");
        assertThat(transitionsWithoutRunning(task.id())).containsExactly("->PENDING", "PENDING>QUEUED", "QUEUED>FAILED");
        assertThat(queue.deadLetters(10)).noneMatch(letter -> letter.task().taskId() == task.id());
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
