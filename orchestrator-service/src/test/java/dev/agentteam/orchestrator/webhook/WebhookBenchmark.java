package dev.agentteam.orchestrator.webhook;

import dev.agentteam.common.testing.BenchmarkRecord;
import dev.agentteam.orchestrator.support.WebhookTestSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook acknowledgement latency under load, side by side in one JVM: signed 30 KB {@code pull_request} deliveries
 * at a fixed 200 requests/s to {@code /webhooks/github} (verify, parse, store once, wake the processor, answer 202)
 * and the same bodies to a bare endpoint behind the same filter chain that only reads the body and answers 202.
 * Open loop: each request is due at a fixed time, and its latency counts from that time, so a stalled server is not
 * hidden by a client that waits for it. The two alternate in one-second blocks. Runs only from scripts/bench.sh.
 */
@Tag("benchmark")
class WebhookBenchmark extends WebhookTestSupport {

    private static final boolean QUICK = Boolean.getBoolean("benchmark.quick");
    private static final int RATE = 200;
    private static final int BODY_BYTES = 30 * 1024;
    private static final String BARE_PATH = "/webhooks/bench-bare";

    @Test
    void webhookAckAgainstABareEndpoint() throws Exception {
        int blocks = QUICK ? 6 : 20;
        ExecutorService executor = Executors.newFixedThreadPool(16);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor).build();
        // GitHub's pull_request.opened fixture (a repository this test does not register: the processor records it as
        // ignored), filled up to 30 KB the way a long description would
        String fixture = fixture("pull_request.opened.json");
        String padding = "x".repeat(Math.max(0, BODY_BYTES - fixture.length() - 100));
        // warm-up of both paths (JIT, connection pool), not measured
        runBlock(client, "/webhooks/github", fixture, padding, RATE / 2, new ArrayList<>());
        runBlock(client, BARE_PATH, fixture, padding, RATE / 2, new ArrayList<>());

        List<Double> ours = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        for (int i = 0; i < blocks; i++) {
            runBlock(client, "/webhooks/github", fixture, padding, RATE, ours);
            runBlock(client, BARE_PATH, fixture, padding, RATE, bare);
        }
        executor.shutdown();
        long stored = jdbc.queryForObject("select count(*) from webhook_deliveries where event = 'pull_request'",
                Long.class);
        assertThat(stored).isEqualTo(ours.size() + RATE / 2);

        double oursP99 = percentile(ours, 0.99);
        double bareP99 = percentile(bare, 0.99);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("requests_per_s", RATE);
        details.put("body_bytes", BODY_BYTES);
        details.put("requests_each", ours.size());
        details.put("ours_p50_ms", round(percentile(ours, 0.5)));
        details.put("bare_p50_ms", round(percentile(bare, 0.5)));
        details.put("ours_max_ms", round(percentile(ours, 1.0)));
        new BenchmarkRecord("webhook-ack-p99", "webhook: ack p99 of signed 30 KB deliveries at 200 req/s, "
                + "/webhooks/github vs a bare endpoint in the same JVM", oursP99, bareP99, "ms", "p99 <= 50 ms",
                oursP99 <= 50, details).write();
    }

    /** One second of requests at {@code rate}/s, each due at its slot; adds each latency (ms from its due time). */
    private void runBlock(HttpClient client, String path, String fixture, String padding, int rate,
            List<Double> latencies) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + port + path);
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < rate; i++) {
            String deliveryId = UUID.randomUUID().toString();
            byte[] body = fixture.replaceFirst("\\{", "{\"test_delivery\": \"" + deliveryId + "\", \"padding\": \""
                    + padding + "\",").getBytes(StandardCharsets.UTF_8);
            requests.add(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("X-GitHub-Event", "pull_request")
                    .header("X-GitHub-Delivery", deliveryId).header("X-GitHub-Hook-ID", HOOK_ID)
                    .header("X-Hub-Signature-256", sign(SECRET, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        }
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        List<CompletableFuture<Double>> replies = new ArrayList<>();
        for (int i = 0; i < rate; i++) {
            long due = start + i * interval;
            LockSupport.parkNanos(due - System.nanoTime());
            replies.add(client.sendAsync(requests.get(i), HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
                return (System.nanoTime() - due) / 1e6;
            }));
        }
        for (CompletableFuture<Double> reply : replies) {
            latencies.add(reply.get());
        }
    }

    private static double percentile(List<Double> values, double p) {
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** The baseline: the same filter chain and servlet, no verification, no storage (registered as a member class). */
    @TestConfiguration
    static class BareEndpoint {
        @RestController
        static class Bare {
            @PostMapping(BARE_PATH)
            ResponseEntity<Map<String, Object>> receive(HttpServletRequest request) throws IOException {
                int length = request.getInputStream().readAllBytes().length;
                return ResponseEntity.accepted().body(Map.of("status", "accepted", "bytes", length));
            }
        }
    }
}
