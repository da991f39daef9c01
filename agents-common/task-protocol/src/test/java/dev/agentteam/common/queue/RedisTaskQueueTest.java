package dev.agentteam.common.queue;

import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.ResultStatus;
import dev.agentteam.common.task.SprintText;
import dev.agentteam.common.task.TaskOutput;
import dev.agentteam.common.task.TaskEnvelope;
import dev.agentteam.common.task.TaskResult;
import dev.agentteam.common.task.TokenUsage;
import dev.agentteam.common.testing.RedisTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.connection.RedisListCommands;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import static dev.agentteam.common.queue.Envelopes.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The {@link TaskQueue} contract against the real Redis (the test's own database index). */
@SpringBootTest(classes = QueueTestConfig.class)
class RedisTaskQueueTest {

    private static final AgentRole DEV = AgentRole.DEV;
    private static final Duration NO_WAIT = Duration.ZERO;
    private static final TaskOutput NOTHING = new SprintText.Planning(null, List.of());

    @Autowired
    TaskQueue queue;

    @Autowired
    StringRedisTemplate redis;

    @BeforeEach
    void emptyRedis() {
        RedisTestSupport.flushOwnDatabase(redis);
    }

    @Test
    void isTheRedisImplementation() {
        assertThat(queue).isInstanceOf(RedisTaskQueue.class);
    }

    @Test
    void claimsInTheOrderTasksWereEnqueuedAndKeepsTheEnvelopeIntact() {
        TaskEnvelope first = task(1, DEV);
        queue.enqueue(first);
        queue.enqueue(task(2, DEV));
        queue.enqueue(task(3, DEV));

        ClaimedTask claim = queue.claim(DEV, "w1", NO_WAIT).orElseThrow();
        assertThat(claim.task()).isEqualTo(first);
        assertThat(claim.workerId()).isEqualTo("w1");
        assertThat(queue.claim(DEV, "w1", Duration.ofSeconds(1)).orElseThrow().task().taskId()).isEqualTo(2);
        assertThat(queue.claim(DEV, "w2", NO_WAIT).orElseThrow().task().taskId()).isEqualTo(3);
        assertThat(redis.opsForList().size(QueueKeys.inProgress(DEV, "w1"))).isEqualTo(2);
        assertThat(queue.pendingCount(DEV)).isZero();
    }

    @Test
    void rolesHaveSeparateQueues() {
        queue.enqueue(task(1, AgentRole.QA));
        assertThat(queue.claim(DEV, "w1", NO_WAIT)).isEmpty();
        assertThat(queue.pendingCount(AgentRole.QA)).isEqualTo(1);
    }

    @Test
    void claimWaitsAndReturnsNothingWhenNoTaskArrives() {
        assertThat(queue.claim(DEV, "w1", Duration.ofMillis(300))).isEmpty();
        assertThat(redis.hasKey(QueueKeys.inProgress(DEV, "w1"))).isFalse();
    }

    @Test
    void aBlockingClaimNeverWaitsPastTheClientsCommandTimeout() {
        TaskQueue shortTimeout = new RedisTaskQueue(redis, Duration.ofSeconds(2));

        assertThat(shortTimeout.claim(DEV, "w1", Duration.ofHours(1))).isEmpty();
        assertThat(QueueScripts.maxBlockFor(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(1));
        assertThat(QueueScripts.maxBlockFor(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(59));
        assertThat(QueueScripts.maxBlockFor(null)).isEqualTo(QueueScripts.DEFAULT_MAX_BLOCK);
    }

    @Test
    void completePushesTheResultAndRemovesTheClaim() {
        queue.enqueue(task(7, DEV));
        ClaimedTask claim = queue.claim(DEV, "w1", NO_WAIT).orElseThrow();
        TaskResult result = TaskResult.succeeded(claim.task(), "w1", new SprintText.Planning("story 7 fits", List.of()),
                new TokenUsage(100, 20, new BigDecimal("0.0012")));

        queue.complete(claim, result);

        assertThat(redis.opsForList().size(QueueKeys.inProgress(DEV, "w1"))).isZero();
        List<String> done = redis.opsForList().range(QueueKeys.DONE, 0, -1);
        assertThat(done).hasSize(1);
        TaskResult delivered = QueueJson.read(done.get(0), TaskResult.class);
        assertThat(delivered).isEqualTo(result);
        assertThat(delivered.status()).isEqualTo(ResultStatus.SUCCEEDED);
    }

    @Test
    void completeRemovesOnlyItsOwnClaim() {
        queue.enqueue(task(1, DEV));
        queue.enqueue(task(2, DEV));
        ClaimedTask one = queue.claim(DEV, "w1", NO_WAIT).orElseThrow();
        queue.claim(DEV, "w1", NO_WAIT).orElseThrow();

        queue.complete(one, TaskResult.failed(one.task(), "w1", "boom", true, null));

        assertThat(redis.opsForList().range(QueueKeys.inProgress(DEV, "w1"), 0, -1)).extracting(QueueJson::taskId)
                .containsExactly(2L);
    }

    @Test
    void theReaperReturnsTheClaimsOfADeadWorkerAndAnotherWorkerCompletesThemOnce() {
        queue.enqueue(task(1, DEV));
        queue.enqueue(task(2, DEV));
        queue.heartbeat(DEV, "dying", Duration.ofMillis(300));
        queue.heartbeat(DEV, "alive", Duration.ofMinutes(1));
        queue.claim(DEV, "dying", NO_WAIT).orElseThrow();
        ClaimedTask aliveClaim = queue.claim(DEV, "alive", NO_WAIT).orElseThrow();

        assertThat(queue.reapExpiredClaims(DEV)).as("the dying worker's heartbeat is still live").isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> !queue.liveWorkers(DEV).contains("dying"));

        assertThat(queue.reapExpiredClaims(DEV)).isEqualTo(1);
        assertThat(queue.reapExpiredClaims(DEV)).isZero();
        assertThat(redis.hasKey(QueueKeys.inProgress(DEV, "dying"))).isFalse();
        assertThat(redis.opsForList().size(QueueKeys.inProgress(DEV, "alive"))).isEqualTo(1);

        ClaimedTask retaken = queue.claim(DEV, "alive", NO_WAIT).orElseThrow();
        assertThat(retaken.task().taskId()).isEqualTo(1);
        queue.complete(retaken, TaskResult.succeeded(retaken.task(), "alive", NOTHING, null));
        queue.complete(aliveClaim, TaskResult.succeeded(aliveClaim.task(), "alive", NOTHING, null));

        List<Long> doneIds = redis.opsForList().range(QueueKeys.DONE, 0, -1).stream().map(QueueJson::taskId).toList();
        assertThat(doneIds).containsExactlyInAnyOrder(1L, 2L);
        assertThat(redis.keys(QueueKeys.inProgressPattern(DEV))).isEmpty();
        assertThat(queue.pendingCount(DEV)).isZero();
    }

    @Test
    void theReaperPutsReturnedTasksAheadOfNewerOnesInTheirClaimOrder() {
        queue.enqueue(task(1, DEV));
        queue.enqueue(task(2, DEV));
        queue.claim(DEV, "gone", NO_WAIT).orElseThrow();
        queue.claim(DEV, "gone", NO_WAIT).orElseThrow();
        queue.enqueue(task(3, DEV));

        assertThat(queue.reapExpiredClaims(DEV)).isEqualTo(2);

        assertThat(queue.claim(DEV, "w", NO_WAIT).orElseThrow().task().taskId()).isEqualTo(1);
        assertThat(queue.claim(DEV, "w", NO_WAIT).orElseThrow().task().taskId()).isEqualTo(2);
        assertThat(queue.claim(DEV, "w", NO_WAIT).orElseThrow().task().taskId()).isEqualTo(3);
    }

    @Test
    void releaseGivesTheTaskBackToBeTakenNext() {
        queue.enqueue(task(1, DEV));
        queue.enqueue(task(2, DEV));
        ClaimedTask claim = queue.claim(DEV, "w1", NO_WAIT).orElseThrow();

        queue.release(claim);
        queue.release(claim);

        assertThat(redis.opsForList().size(QueueKeys.inProgress(DEV, "w1"))).isZero();
        assertThat(queue.pendingCount(DEV)).as("a second release must not duplicate the task").isEqualTo(2);
        assertThat(queue.claim(DEV, "w2", NO_WAIT).orElseThrow().task().taskId()).isEqualTo(1);
    }

    @Test
    void withdrawRemovesEveryPendingCopyOfTheTaskOnly() {
        queue.enqueue(task(1, DEV));
        queue.enqueue(task(2, DEV));
        queue.enqueue(task(1, DEV));

        assertThat(queue.withdraw(DEV, 1)).isEqualTo(2);
        assertThat(queue.withdraw(DEV, 1)).isZero();
        assertThat(queue.heldTaskIds(DEV)).containsExactly(2L);
    }

    @Test
    void heldTaskIdsCoverPendingAndEveryWorkersClaims() {
        for (long id = 1; id <= 4; id++) {
            queue.enqueue(task(id, DEV));
        }
        queue.enqueue(task(9, AgentRole.QA));
        queue.claim(DEV, "w1", NO_WAIT).orElseThrow();
        queue.claim(DEV, "w2", NO_WAIT).orElseThrow();

        assertThat(queue.heldTaskIds(DEV)).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
        assertThat(queue.heldTaskIds(AgentRole.QA)).containsExactly(9L);
    }

    @Test
    void aTaskWhoseResultWaitsToBeAppliedIsStillHeld() {
        queue.enqueue(task(1, DEV));
        queue.enqueue(task(2, DEV));
        queue.enqueue(task(3, DEV));
        ClaimedTask first = queue.claim(DEV, "w1", NO_WAIT).orElseThrow();
        ClaimedTask second = queue.claim(DEV, "w2", NO_WAIT).orElseThrow();
        queue.complete(first, TaskResult.succeeded(first.task(), "w1", NOTHING, null));
        queue.complete(second, TaskResult.succeeded(second.task(), "w2", NOTHING, null));
        // the orchestrator has taken task 2's result and is applying it
        redis.opsForList().move(QueueKeys.DONE, RedisListCommands.Direction.RIGHT,
                QueueKeys.doneProcessing("orchestrator-1"), RedisListCommands.Direction.LEFT);

        // Finished is not lost: pushing 1 or 2 again would run them twice (the reconciler compares with Postgres,
        // where they are RUNNING until their results are applied).
        assertThat(queue.heldTaskIds(DEV)).containsExactlyInAnyOrder(1L, 2L, 3L);

        redis.delete(List.of(QueueKeys.DONE, QueueKeys.doneProcessing("orchestrator-1")));
        assertThat(queue.heldTaskIds(DEV)).containsExactly(3L);
    }

    @Test
    void deadLettersAreListedNewestFirst() {
        queue.deadLetter(task(1, DEV), "first error");
        queue.deadLetter(task(2, DEV), "second error");
        queue.deadLetter(task(3, DEV), "third error");

        List<DeadLetter> letters = queue.deadLetters(2);
        assertThat(letters).extracting(DeadLetter::lastError).containsExactly("third error", "second error");
        assertThat(letters.get(0).task()).usingRecursiveComparison().ignoringFields("enqueuedAt").isEqualTo(task(3, DEV));
        assertThat(letters.get(0).diedAt()).isNotNull();
        assertThat(queue.deadLetters(0)).isEmpty();
    }

    @Test
    void anUnreadableEntryIsParkedInTheDeadListInsteadOfBlockingTheQueue() {
        redis.opsForList().leftPush(QueueKeys.pending(DEV), "{not json");
        queue.enqueue(task(5, DEV));

        assertThat(queue.claim(DEV, "w1", NO_WAIT)).isEmpty();
        assertThat(queue.claim(DEV, "w1", NO_WAIT).orElseThrow().task().taskId()).isEqualTo(5);
        assertThat(queue.deadLetters(10)).singleElement()
                .satisfies(letter -> assertThat(letter.lastError()).contains("{not json"));
        assertThat(queue.heldTaskIds(DEV)).containsExactly(5L);
    }

    @Test
    void heartbeatsShowLiveWorkersUntilUnregistered() {
        queue.heartbeat(DEV, "w1", Duration.ofMinutes(1));
        queue.heartbeat(DEV, "w2", Duration.ofMinutes(1));
        queue.heartbeat(AgentRole.QA, "q1", Duration.ofMinutes(1));

        assertThat(queue.liveWorkers(DEV)).containsExactlyInAnyOrder("w1", "w2");
        assertThat(redis.getExpire(QueueKeys.heartbeat(DEV, "w1"))).isPositive();

        queue.unregister(DEV, "w1");
        assertThat(queue.liveWorkers(DEV)).containsExactly("w2");
    }
}
