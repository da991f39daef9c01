package dev.agentteam.orchestrator.observability;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.agentteam.orchestrator.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sentry wired through sentry-spring-boot-4: an unhandled error of a request arrives at the DSN's endpoint (here a
 * local HTTP server recording what the SDK sends) with the environment and release from settings, and without the
 * configured secret, the token, the caller's credentials or any user data.
 */
class SentryReportingTest extends IntegrationTest {

    private static final List<String> ENVELOPES = new CopyOnWriteArrayList<>();
    private static final HttpServer SENTRY = start();

    @DynamicPropertySource
    static void sentry(DynamicPropertyRegistry registry) {
        registry.add("sentry.dsn", () -> "http://publickey@127.0.0.1:" + SENTRY.getAddress().getPort() + "/42");
        registry.add("sentry.environment", () -> "staging-test");
        registry.add("sentry.release", () -> "abc1234");
    }

    @AfterAll
    static void stop() {
        SENTRY.stop(0);
    }

    @Test
    void anUnhandledErrorArrivesScrubbed() {
        var reply = api.get("/api/test/leak?token=ghp_Zq8Wm3Lk7Rt2Yp5Nc9Vb4Xh6Jd1Fg0Su3Ea7");
        assertThat(reply.status()).isEqualTo(500);

        // clock wait: an envelope reaching the (stub) Sentry server is an external effect, not a domain event
        await().atMost(Duration.ofSeconds(30)).until(() -> ENVELOPES.stream().anyMatch(e -> e.contains("IllegalStateException")));
        String event = ENVELOPES.stream().filter(e -> e.contains("IllegalStateException")).findFirst().orElseThrow();
        assertThat(event)
                .contains("\"environment\":\"staging-test\"", "\"release\":\"abc1234\"", "cannot call GitHub with")
                .contains("[REDACTED:github-token]", "[REDACTED:configured-secret]")
                .doesNotContain("ghp_Zq8Wm3Lk7Rt2Yp5Nc9Vb4Xh6Jd1Fg0Su3Ea7", "test-webhook-secret")
                .doesNotContainIgnoringCase("\"authorization\"")
                .doesNotContain("Bearer ", "\"cookies\"", "\"ip_address\"");
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", SentryReportingTest::record);
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void record(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        InputStream in = new ByteArrayInputStream(body);
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new GZIPInputStream(in);
        }
        ENVELOPES.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }
}
