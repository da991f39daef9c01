package dev.agentteam.orchestrator.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.awaitility.Awaitility.await;

/**
 * The shared base of the webhook and notification tests: the whole application (one context for all of them),
 * a WireMock server standing in for Slack and Telegram, and a client that signs deliveries the way GitHub does.
 */
public abstract class WebhookTestSupport extends IntegrationTest {

    public static final String SECRET = "test-webhook-secret";
    public static final String HOOK_ID = "109948940";
    public static final String SLACK_PATH = "/services/T000/B000/slack-secret-part";
    public static final String TELEGRAM_TOKEN = "123456:telegram-secret-token";

    protected static final WireMockServer CHAT = new WireMockServer(options().dynamicPort());
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    static {
        CHAT.start();
    }

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void chatServices(DynamicPropertyRegistry registry) {
        registry.add("agentteam.notify.slack-webhook-url", () -> CHAT.baseUrl() + SLACK_PATH);
        registry.add("agentteam.notify.telegram-api-url", CHAT::baseUrl);
        registry.add("agentteam.notify.telegram-bot-token", () -> TELEGRAM_TOKEN);
        registry.add("agentteam.notify.telegram-chat-id", () -> "-1001234567890");
    }

    @BeforeEach
    void cleanWebhookTables() {
        jdbc.execute("truncate webhook_deliveries, notifications_sent restart identity");
        jdbc.update("delete from repositories where full_name in ('acme/shop', 'agent-team/notify-demo')");
        CHAT.resetAll();
    }

    /** A story with id 1 (identities restart for every test), the one the fixtures' branch feature/ISSUE-1 names. */
    protected long seedStory(String status) {
        long epic = jdbc.queryForObject("insert into epics (title, created_by) values ('Checkout', 1) returning id", Long.class);
        return jdbc.queryForObject("insert into stories (epic_id, title, status) values (?, 'Pay by card', ?) returning id",
                Long.class, epic, status);
    }

    public static String fixture(String name) {
        try (InputStream in = WebhookTestSupport.class.getResourceAsStream("/github/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A delivery sent as GitHub sends it; the reply and the delivery id used. */
    protected record Sent(TestApi.Reply reply, String deliveryId) {
    }

    /**
     * A new delivery of a fixture. GitHub never sends two events with the same bytes (ids, timestamps), and a body
     * seen before is a replay (deduplicated on its SHA-256), so each delivery carries its own id in the body too.
     */
    protected Sent deliver(String event, String fixture) {
        String deliveryId = UUID.randomUUID().toString();
        String body = fixture(fixture).replaceFirst("\\{", "{\"test_delivery\": \"" + deliveryId + "\",");
        return deliver(event, body, deliveryId);
    }

    protected Sent deliver(String event, String body, String deliveryId) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new Sent(postDelivery(bytes, "application/json", Map.of("X-GitHub-Event", event, "X-GitHub-Delivery", deliveryId,
                "X-GitHub-Hook-ID", HOOK_ID, "X-Hub-Signature-256", sign(SECRET, bytes))), deliveryId);
    }

    /** Sends and waits until the processor has handled the delivery; returns its outcome. */
    protected String process(String event, String fixture) {
        Sent sent = deliver(event, fixture);
        if (sent.reply().status() / 100 != 2) {
            throw new AssertionError("delivery refused: " + sent.reply().status() + " " + sent.reply().body());
        }
        return awaitOutcome(sent.deliveryId());
    }

    protected String awaitOutcome(String deliveryId) {
        // clock wait: a processed delivery publishes a forge event only when it changed something; its row always says
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "select count(*) from webhook_deliveries where delivery_id = ? and processed_at is not null",
                Long.class, deliveryId) == 1);
        return jdbc.queryForObject("select outcome from webhook_deliveries where delivery_id = ?", String.class, deliveryId);
    }

    protected TestApi.Reply postDelivery(byte[] body, String contentType, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/github"))
                .header("Content-Type", contentType).header("User-Agent", "GitHub-Hookshot/044aadd")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new TestApi.Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    null, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
