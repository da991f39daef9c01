package dev.agentteam.common.testing;

import dev.agentteam.common.queue.QueueKeys;
import dev.agentteam.common.queue.ResultInbox;
import dev.agentteam.common.queue.TaskQueue;
import dev.agentteam.common.task.ResultStatus;
import dev.agentteam.common.task.TaskEnvelope;
import dev.agentteam.common.task.TaskResult;
import dev.agentteam.common.queue.WorkerBeat;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.TaskType;
import dev.agentteam.common.worker.Worker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one smoke test every agent app shares (its subclass sits in the app's package, so Boot finds the app):
 * the app starts against the real Redis and Postgres, its worker heartbeats, and actuator answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.import=classpath:test-services.properties")
@Import(ContainerServices.class)
public abstract class AgentApplicationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AgentRole role;

    @Autowired
    private Worker worker;

    @Autowired
    private StringRedisTemplate redis;

    @Autowired
    private TaskQueue queue;

    @Autowired
    private ResultInbox inbox;

    @Autowired
    private Environment environment;

    @Value("${local.server.port}")
    private int port;

    protected AgentApplicationTest(AgentRole role) {
        this.role = role;
    }

    @Test
    void runsAgainstTheTestServicesNotTheAppsOwnDatabase() {
        assertThat(environment.getProperty("spring.datasource.url"))
                .endsWith("/" + environment.getProperty("AGENT_TEAM_TEST_DB", "agentteam_test"));
        assertThat(environment.getProperty("spring.data.redis.database"))
                .isEqualTo(environment.getProperty("AGENT_TEAM_TEST_REDIS_DB", "15"));
    }

    @Test
    void theWorkerOfTheRoleHeartbeats() {
        assertThat(worker.role()).isEqualTo(role);
        String heartbeat = QueueKeys.heartbeat(role, worker.workerId());
        assertThat(redis.hasKey(heartbeat)).as(heartbeat).isTrue();
        assertThat(redis.getExpire(heartbeat)).as("TTL of " + heartbeat).isPositive();
    }

    /**
     * "No task without a handler", the agent's half: the worker handles every task type the catalogue gives its role
     * (the orchestrator creates only catalogued types) and declares them in its heartbeat.
     */
    @Test
    void theWorkerHandlesAndDeclaresEveryTaskTypeOfItsRole() {
        assertThat(worker.taskTypes()).containsAll(TaskType.keysOf(role));
        WorkerBeat beat = WorkerBeat.parse(redis.opsForValue().get(QueueKeys.heartbeat(role, worker.workerId())));
        assertThat(beat).isNotNull();
        assertThat(beat.types()).containsAll(TaskType.keysOf(role));
    }

    /**
     * Typed payloads, the agent's half: a task whose payload misses what its record requires ends FAILED, not
     * retried, with a one-line reason that names the field, for every task type of the role, through the real queue.
     */
    @Test
    void aTaskWithAnIncompletePayloadFailsForGoodNamingTheFieldForEveryTypeOfTheRole() {
        Map<String, TaskResult> results = new LinkedHashMap<>();
        long firstId = 900_000_000L + ThreadLocalRandom.current().nextInt(1_000_000) * 100L;
        List<String> types = TaskType.keysOf(role);
        for (int i = 0; i < types.size(); i++) {
            queue.enqueue(new TaskEnvelope(firstId + i, types.get(i), role, 1, Duration.ofMinutes(1), "payload-test-" + i,
                    Instant.now(), Map.of("unexpected", "field")));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (results.size() < types.size() && System.nanoTime() < deadline) {
            inbox.take("payload-test", Duration.ofMillis(200)).ifPresent(claimed -> {
                inbox.acknowledge(claimed);
                TaskResult result = claimed.result();
                long index = result.taskId() - firstId;
                if (index >= 0 && index < types.size() && result.status() != ResultStatus.STARTED) {
                    results.put(types.get((int) index), result);
                }
            });
        }
        assertThat(results.keySet()).as("results within 60 s").containsExactlyInAnyOrderElementsOf(types);
        results.forEach((type, result) -> {
            assertThat(result.status()).as(type).isEqualTo(ResultStatus.FAILED);
            assertThat(result.retryable()).as(type).isFalse();
            assertThat(result.error()).as(type).contains("payload").containsPattern("'[a-z_.]+'")
                    .doesNotContain("Exception", "\tat ", "\n");
        });
    }

    @Test
    void healthIsUpWithTheWorkerDetails() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(health.body());
        assertThat(body.path("status").asString()).isEqualTo("UP");
        JsonNode workerHealth = body.path("components").path("worker");
        assertThat(workerHealth.path("status").asString()).isEqualTo("UP");
        assertThat(workerHealth.path("details").path("role").asString()).isEqualTo(role.key());
        assertThat(workerHealth.path("details").path("workerId").asString()).isEqualTo(worker.workerId());
    }

    @Test
    void prometheusExposesTheQueueMetrics() throws Exception {
        HttpResponse<String> metrics = get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("agentteam_queue_pending{", "role=\"" + role.key() + "\"");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
