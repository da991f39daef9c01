package dev.agentteam.common.worker;

import dev.agentteam.common.queue.ClaimedResult;
import dev.agentteam.common.queue.QueueKeys;
import dev.agentteam.common.queue.ResultInbox;
import dev.agentteam.common.queue.TaskQueue;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.ResultStatus;
import dev.agentteam.common.task.TaskEnvelope;
import dev.agentteam.common.task.TaskResult;
import dev.agentteam.common.testing.RedisTestSupport;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The auto-configured worker, end to end through the real Redis. */
@SpringBootTest(classes = WorkerTestConfig.class, properties = {WorkerTestConfig.PROPERTIES_ROLE,
        "agentteam.worker.id=cicd-test-worker", "agentteam.worker.poll-wait=200ms", "agentteam.worker.lease=5s",
        "agentteam.worker.heartbeat-interval=1s", "agentteam.worker.reaper-interval=300ms"})
class WorkerTest {

    static final AgentRole CICD = AgentRole.CICD;
    static final JsonMapper WIRE = JsonMapper.builder().disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS).build();

    @Autowired
    TaskQueue queue;

    @Autowired
    ResultInbox inbox;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    Worker worker;

    @Autowired
    WorkerHealthIndicator health;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void emptyRedis() {
        RedisTestSupport.flushOwnDatabase(redis);
        queue.heartbeat(CICD, worker.workerId(), Duration.ofSeconds(5), worker.taskTypes());
    }

    static TaskEnvelope task(long id, String type, int attempt) {
        return new TaskEnvelope(id, type, CICD, attempt, null, "trace-" + id, Instant.now(), Map.of("text", "hello " + id));
    }

    private TaskResult resultOf(TaskEnvelope task) {
        queue.enqueue(task);
        ClaimedResult taken = Outcomes.take(inbox, "test", Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError("no result arrived"));
        inbox.acknowledge(taken);
        assertThat(taken.result().taskId()).isEqualTo(task.taskId());
        return taken.result();
    }

    @Test
    void aHandlerCompletesATaskEndToEnd() {
        TaskResult result = resultOf(task(11, "cicd.echo", 3));

        assertThat(result.status()).isEqualTo(ResultStatus.SUCCEEDED);
        assertThat(result.attempt()).isEqualTo(3);
        assertThat(result.workerId()).isEqualTo("cicd-test-worker");
        assertThat(result.output()).containsEntry("echo", "hello 11");
        assertThat(queue.heldTaskIds(CICD)).isEmpty();
        assertThat(meters.get("agentteam.worker.tasks").tags("role", "cicd", "type", "cicd.echo", "outcome", "succeeded")
                .counter().count()).isGreaterThanOrEqualTo(1);
        assertThat(meters.get("agentteam.worker.task.duration").tags("outcome", "succeeded").timer().count()).isPositive();
    }

    @Test
    void aClaimedTaskIsAnnouncedAsStartedBeforeItsOutcomeAndTheHeartbeatDeclaresTheHandledTypes() {
        queue.enqueue(task(17, "cicd.echo", 2));

        ClaimedResult first = inbox.take("test", Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError("no notice arrived"));
        inbox.acknowledge(first);
        assertThat(first.result().status()).isEqualTo(ResultStatus.STARTED);
        assertThat(first.result().taskId()).isEqualTo(17);
        assertThat(first.result().attempt()).isEqualTo(2);
        assertThat(first.result().workerId()).isEqualTo("cicd-test-worker");
        ClaimedResult outcome = inbox.take("test", Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError("no result arrived"));
        inbox.acknowledge(outcome);
        assertThat(outcome.result().status()).isEqualTo(ResultStatus.SUCCEEDED);

        assertThat(queue.liveBeats(CICD).get("cicd-test-worker").types())
                .containsExactlyInAnyOrder("cicd.echo", "cicd.explode", "cicd.flaky");
    }

    @Test
    void aThrowingHandlerFailsTheTaskForGoodWithAOneLineReason() {
        TaskResult result = resultOf(task(12, "cicd.explode", 1));

        assertThat(result.status()).isEqualTo(ResultStatus.FAILED);
        assertThat(result.retryable()).isFalse();
        assertThat(result.error()).startsWith("IllegalStateException: disk full").doesNotContain("\n", "\t");
    }

    @Test
    void aTransientFailureIsRetryableWithItsRetryAfter() {
        TaskResult result = resultOf(task(13, "cicd.flaky", 2));

        assertThat(result.status()).isEqualTo(ResultStatus.FAILED);
        assertThat(result.retryable()).isTrue();
        assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(result.error()).isEqualTo("rate limited by the model provider");
        assertThat(result.attempt()).isEqualTo(2);
    }

    @Test
    void aTaskTypeWithoutHandlerFailsWithAClearReason() {
        TaskResult result = resultOf(task(14, "cicd.deploy_moon", 1));

        assertThat(result.status()).isEqualTo(ResultStatus.FAILED);
        assertThat(result.retryable()).isFalse();
        assertThat(result.error()).isEqualTo("no handler for type cicd.deploy_moon in the cicd agent");
    }

    @Test
    void theWorkersReaperReturnsTheClaimOfADeadWorkerAndTheTaskIsDone() {
        // A worker that claimed the task and died: its claim list holds the task, its heartbeat key is gone.
        // (Written directly: an enqueue would be claimed by the running worker first.)
        redis.opsForList().leftPush(QueueKeys.inProgress(CICD, "ghost"), WIRE.writeValueAsString(task(15, "cicd.echo", 1)));

        ClaimedResult taken = Outcomes.take(inbox, "test", Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError("no result arrived"));

        assertThat(taken.result().taskId()).isEqualTo(15);
        assertThat(taken.result().workerId()).isEqualTo("cicd-test-worker");
        assertThat(redis.hasKey(QueueKeys.inProgress(CICD, "ghost"))).isFalse();
    }

    @Test
    void healthIsUpWithTheWorkersIdentityAndThePendingGaugeReadsRedis() {
        queue.enqueue(task(16, "cicd.echo", 1));
        inbox.acknowledge(Outcomes.take(inbox, "test", Duration.ofSeconds(20)).orElseThrow());

        Health h = health.health();
        assertThat(h.getStatus()).isEqualTo(Status.UP);
        assertThat(h.getDetails()).containsEntry("role", "cicd").containsEntry("workerId", "cicd-test-worker")
                .containsEntry("liveClaims", 0).containsEntry("running", true);
        assertThat(queue.liveWorkers(CICD)).contains("cicd-test-worker");
        assertThat(meters.get("agentteam.queue.pending").tag("role", "cicd").gauge().value()).isZero();
    }
}
