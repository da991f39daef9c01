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
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Workers started and stopped by the test itself (role review, which the shared context's worker does not
 * take), on the real Redis queue of the shared worker-test context.
 */
@SpringBootTest(classes = WorkerTestConfig.class, properties = {WorkerTestConfig.PROPERTIES_ROLE,
        "agentteam.worker.id=cicd-test-worker", "agentteam.worker.poll-wait=200ms", "agentteam.worker.lease=5s",
        "agentteam.worker.heartbeat-interval=1s", "agentteam.worker.reaper-interval=300ms"})
class WorkerLifecycleTest {

    static final AgentRole REVIEW = AgentRole.REVIEW;

    @Autowired
    TaskQueue queue;

    @Autowired
    ResultInbox inbox;

    @Autowired
    StringRedisTemplate redis;

    private final List<Worker> started = new ArrayList<>();

    @BeforeEach
    void emptyRedis() {
        RedisTestSupport.flushOwnDatabase(redis);
    }

    @AfterEach
    void stopWorkers() {
        started.forEach(Worker::stop);
    }

    private Worker start(String id, int concurrency, Duration shutdownGrace, TaskHandler... handlers) {
        WorkerProperties settings = new WorkerProperties(REVIEW, id, concurrency, Duration.ofSeconds(5), Duration.ofSeconds(1),
                Duration.ofMillis(200), Duration.ofSeconds(30), shutdownGrace);
        Worker worker = new Worker(queue, settings, new TaskExecution(REVIEW, List.of(handlers), new SimpleMeterRegistry()));
        started.add(worker);
        worker.start();
        return worker;
    }

    private static TaskEnvelope task(long id) {
        return new TaskEnvelope(id, "review.wait", REVIEW, 1, null, "t" + id, Instant.now(), Map.of());
    }

    private static TaskHandler waitingFor(CountDownLatch started, CountDownLatch finish) {
        return WorkerTestConfig.handler("review.wait", (task, ctx) -> {
            started.countDown();
            finish.await();
            return TaskResult.succeeded(task, ctx.workerId(), Echo.NOTHING, null);
        });
    }

    @Test
    void shutdownReleasesAClaimWhoseTaskOutlivesTheGrace() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        Worker worker = start("review-slow", 1, Duration.ofMillis(300), waitingFor(running, new CountDownLatch(1)));
        queue.enqueue(task(21));
        assertThat(running.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(worker.liveClaims()).isEqualTo(1);

        worker.stop();

        assertThat(queue.pendingCount(REVIEW)).isEqualTo(1);
        assertThat(redis.hasKey(QueueKeys.inProgress(REVIEW, "review-slow"))).isFalse();
        assertThat(queue.liveWorkers(REVIEW)).doesNotContain("review-slow");
        assertThat(Outcomes.take(inbox, "test", Duration.ZERO)).as("a released task reports no result").isEmpty();
    }

    @Test
    void shutdownLetsARunningTaskFinishWithinTheGrace() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Worker worker = start("review-drain", 1, Duration.ofSeconds(30), waitingFor(running, finish));
        queue.enqueue(task(22));
        assertThat(running.await(20, TimeUnit.SECONDS)).isTrue();

        Thread stopping = new Thread(worker::stop);
        stopping.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> !worker.isRunning());
        finish.countDown();
        stopping.join(TimeUnit.SECONDS.toMillis(30));

        ClaimedResult result = Outcomes.take(inbox, "test", Duration.ZERO).orElseThrow();
        assertThat(result.result().status()).isEqualTo(ResultStatus.SUCCEEDED);
        // a result still being applied keeps its task held (the reconciler must not push it again) until acknowledged
        assertThat(queue.heldTaskIds(REVIEW)).containsExactly(22L);
        inbox.acknowledge(result);
        assertThat(queue.heldTaskIds(REVIEW)).isEmpty();
    }

    @Test
    void concurrencyTwoWorksOnTwoTasksAtOnce() {
        // Each task waits until the other one runs too: with one loop both would fail on the barrier timeout.
        CyclicBarrier both = new CyclicBarrier(2);
        start("review-pair", 2, Duration.ofSeconds(5), WorkerTestConfig.handler("review.wait", (task, ctx) -> {
            both.await(15, TimeUnit.SECONDS);
            return TaskResult.succeeded(task, ctx.workerId(), Echo.NOTHING, null);
        }));
        queue.enqueue(task(23));
        queue.enqueue(task(24));

        List<TaskResult> results = List.of(Outcomes.take(inbox, "test", Duration.ofSeconds(30)).orElseThrow().result(),
                Outcomes.take(inbox, "test", Duration.ofSeconds(30)).orElseThrow().result());

        assertThat(results).extracting(TaskResult::status).containsOnly(ResultStatus.SUCCEEDED);
        assertThat(results).extracting(TaskResult::taskId).containsExactlyInAnyOrder(23L, 24L);
    }

    @Test
    void whileItHoldsATaskWithALongerLeaseTheWorkerHeartbeatsForThatLease() throws Exception {
        CountDownLatch renewed = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        start("review-long", 1, Duration.ofSeconds(5), WorkerTestConfig.handler("review.wait", (task, ctx) -> {
            ctx.heartbeat();
            renewed.countDown();
            finish.await();
            return TaskResult.succeeded(task, ctx.workerId(), Echo.NOTHING, null);
        }));
        queue.enqueue(new TaskEnvelope(27, "review.wait", REVIEW, 1, Duration.ofMinutes(10), "t27", Instant.now(), Map.of()));
        assertThat(renewed.await(20, TimeUnit.SECONDS)).isTrue();

        long ttl = redis.getExpire(QueueKeys.heartbeat(REVIEW, "review-long"), TimeUnit.SECONDS);
        finish.countDown();

        assertThat(ttl).as("the worker's own lease is 5 s; the task asked for 10 min").isGreaterThan(60);
    }

    @Test
    void aWorkerWithoutHandlersHeartbeatsButClaimsNothing() throws Exception {
        Worker worker = start("review-idle", 2, Duration.ofSeconds(5));
        queue.enqueue(task(25));

        assertThat(queue.liveWorkers(REVIEW)).containsExactly("review-idle");
        assertThat(redis.getExpire(QueueKeys.heartbeat(REVIEW, "review-idle"))).isPositive();
        Thread.sleep(600); // three poll waits: a claiming worker would have taken the task by now
        assertThat(queue.pendingCount(REVIEW)).isEqualTo(1);
        assertThat(worker.liveClaims()).isZero();
    }

    @Test
    void aFixedWorkerIdTakesBackTheClaimsOfItsDeadPredecessor() {
        queue.heartbeat(REVIEW, "review-fixed", Duration.ofMinutes(1));
        queue.enqueue(task(26));
        queue.claim(REVIEW, "review-fixed", Duration.ZERO).orElseThrow();

        start("review-fixed", 1, Duration.ofSeconds(5), waitingFor(new CountDownLatch(1), new CountDownLatch(0)));

        assertThat(Outcomes.take(inbox, "test", Duration.ofSeconds(20)).orElseThrow().result().taskId()).isEqualTo(26);
    }

    @Test
    void handlersMustTakeTheirOwnRolesTypesOnce() {
        TaskHandler qa = WorkerTestConfig.handler("qa.test", (t, c) -> null);
        TaskHandler review = WorkerTestConfig.handler("review.x", (t, c) -> null);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();

        assertThatThrownBy(() -> new TaskExecution(REVIEW, List.of(qa), meters))
                .hasMessageContaining("takes type 'qa.test', but this is the review agent");
        assertThatThrownBy(() -> new TaskExecution(REVIEW, List.of(review, review), meters))
                .hasMessageContaining("two TaskHandlers take type 'review.x'");
    }
}
