package dev.agentteam.orchestrator.webhook;

import dev.agentteam.orchestrator.support.TestApi.Reply;
import dev.agentteam.orchestrator.support.WebhookTestSupport;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The endpoint over HTTP: signatures, size limits, storing once, replays, unknown events, ping, restarts. */
class GitHubWebhookEndpointTest extends WebhookTestSupport {

    private static final long LIMIT = 25L * 1024 * 1024;

    @Test
    void aDeliveryWithoutSignatureIsRefusedAndNotStored() {
        byte[] body = fixture("pull_request.opened.json").getBytes(StandardCharsets.UTF_8);

        Reply reply = postDelivery(body, "application/json", Map.of("X-GitHub-Event", "pull_request",
                "X-GitHub-Delivery", UUID.randomUUID().toString()));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.detail()).contains("X-Hub-Signature-256 header is missing");
        assertThat(deliveries()).isZero();
    }

    @Test
    void aDeliveryWithAWrongSignatureIsRefusedAndNotStored() {
        byte[] body = fixture("pull_request.opened.json").getBytes(StandardCharsets.UTF_8);
        byte[] tampered = fixture("pull_request.opened.json").replace("Pay by card", "Pay by cash")
                .getBytes(StandardCharsets.UTF_8);

        Reply otherSecret = postDelivery(body, "application/json", Map.of("X-GitHub-Event", "pull_request",
                "X-GitHub-Delivery", "a", "X-Hub-Signature-256", sign("not-the-secret", body)));
        Reply otherBody = postDelivery(tampered, "application/json", Map.of("X-GitHub-Event", "pull_request",
                "X-GitHub-Delivery", "b", "X-Hub-Signature-256", sign(SECRET, body)));

        assertThat(otherSecret.status()).isEqualTo(401);
        assertThat(otherBody.status()).isEqualTo(401);
        assertThat(otherBody.detail()).contains("does not match");
        assertThat(deliveries()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from pr_records", Long.class)).isZero();
    }

    @Test
    void aDeclaredLengthAboveTheLimitIsRefusedBeforeTheBodyIsRead() throws IOException {
        String response = rawRequest("Content-Length: " + (LIMIT + 1) + "\r\n", out -> out.write("{}".getBytes()));

        assertThat(response).startsWith("HTTP/1.1 413");
        assertThat(response).contains("the limit is " + LIMIT + " bytes");
        assertThat(deliveries()).isZero();
    }

    /** The limit itself is allowed: both the declared length and the bytes read may reach it, not pass it. */
    @Test
    void aSignedDeliveryOfExactlyTheLimitIsAccepted() {
        byte[] body = new byte[(int) LIMIT];
        java.util.Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[body.length - 1] = '}';

        Reply reply = postDelivery(body, "application/json", Map.of("X-GitHub-Event", "ping",
                "X-GitHub-Delivery", UUID.randomUUID().toString(), "X-Hub-Signature-256", sign(SECRET, body)));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(deliveries()).isEqualTo(1);
    }

    @Test
    void aChunkedBodyAboveTheLimitIsCutOffAt413() throws IOException {
        byte[] chunk = new byte[1024 * 1024];
        java.util.Arrays.fill(chunk, (byte) ' ');
        String response = rawRequest("Transfer-Encoding: chunked\r\n", out -> {
            for (int i = 0; i < 26; i++) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        });

        assertThat(response).startsWith("HTTP/1.1 413");
        assertThat(response).contains("more than " + LIMIT + " bytes");
        assertThat(deliveries()).isZero();
    }

    @Test
    void theSameDeliveryArrivingTwiceIsProcessedOnce() {
        seedStory("IN_PROGRESS");
        String body = fixture("pull_request.opened.json");
        String id = UUID.randomUUID().toString();

        Sent first = deliver("pull_request", body, id);
        String outcome = awaitOutcome(id);
        Sent again = deliver("pull_request", body, id);

        assertThat(first.reply().status()).isEqualTo(202);
        assertThat(first.reply().json().get("status").asString()).isEqualTo("accepted");
        assertThat(again.reply().status()).isEqualTo(200);
        assertThat(again.reply().json().get("status").asString()).isEqualTo("duplicate");
        assertThat(outcome).isEqualTo("pull request acme/shop#7 is OPEN");
        assertThat(jdbc.queryForMap("select hook_id, event, action, source, payload->'pull_request'->>'number' as number "
                + "from webhook_deliveries where delivery_id = ?", id))
                .containsEntry("hook_id", HOOK_ID).containsEntry("event", "pull_request")
                .containsEntry("action", "opened").containsEntry("source", "github").containsEntry("number", "7");
        assertThat(deliveries()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from pr_records", Long.class)).isEqualTo(1);
    }

    /** Issue 13: the delivery id is not signed, so a captured signed body replayed under a new id is a duplicate. */
    @Test
    void aSignedBodyReplayedUnderANewDeliveryIdIsADuplicate() {
        seedStory("IN_PROGRESS");
        String body = fixture("pull_request.opened.json");
        String id = UUID.randomUUID().toString();

        Sent first = deliver("pull_request", body, id);
        awaitOutcome(id);
        Sent replayed = deliver("pull_request", body, UUID.randomUUID().toString());

        assertThat(first.reply().status()).isEqualTo(202);
        assertThat(replayed.reply().status()).isEqualTo(200);
        assertThat(replayed.reply().json().get("status").asString()).isEqualTo("duplicate");
        assertThat(deliveries()).isEqualTo(1);
    }

    @Test
    void anUnknownEventIsStoredAndAcknowledgedAndChangesNothing() {
        seedStory("IN_PROGRESS");

        Sent sent = deliver("star", "star.created.json");
        String outcome = awaitOutcome(sent.deliveryId());

        assertThat(sent.reply().status()).isEqualTo(202);
        assertThat(outcome).isEqualTo("ignored: event star is not handled");
        assertThat(jdbc.queryForObject("select payload->'repository'->>'full_name' from webhook_deliveries",
                String.class)).isEqualTo("acme/shop");
        assertThat(jdbc.queryForObject("select count(*) from pr_records", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from tasks", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select status from stories", String.class)).isEqualTo("IN_PROGRESS");
    }

    @Test
    void aNulCharacterInAPayloadIsStoredAsAReplacementCharacter() {
        seedStory("IN_PROGRESS");
        process("pull_request", "pull_request.opened.json");
        String body = fixture("issue_comment.plain.json").replace("Thanks, this", "Thanks\\u0000 this");

        Sent sent = deliver("issue_comment", body, "nul-1");

        assertThat(sent.reply().status()).isEqualTo(202);
        assertThat(awaitOutcome("nul-1")).isEqualTo("comment by octocat on pull request #7 recorded");
        assertThat(jdbc.queryForObject("select body from pr_comments", String.class)).startsWith("Thanks\uFFFD this");
    }

    @Test
    void pingIsAnswered() {
        Sent sent = deliver("ping", "ping.json");

        assertThat(sent.reply().status()).isEqualTo(200);
        assertThat(sent.reply().json().get("status").asString()).isEqualTo("pong");
        assertThat(awaitOutcome(sent.deliveryId())).isEqualTo("ping from hook " + HOOK_ID + ": Design for failure.");
    }

    @Test
    void aSignedBodyThatIsNotJsonIsABadRequest() {
        byte[] body = "payload".getBytes(StandardCharsets.UTF_8);

        Reply reply = postDelivery(body, "application/json", Map.of("X-GitHub-Event", "push", "X-GitHub-Delivery", "c",
                "X-Hub-Signature-256", sign(SECRET, body)));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.detail()).isEqualTo("The delivery body is not a JSON object.");
        assertThat(deliveries()).isZero();
    }

    @Test
    void aFormEncodedDeliveryIsVerifiedOverItsRawBytesAndRead() {
        byte[] body = ("payload=" + URLEncoder.encode(fixture("ping.json"), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.US_ASCII);

        Reply reply = postDelivery(body, "application/x-www-form-urlencoded", Map.of("X-GitHub-Event", "ping",
                "X-GitHub-Delivery", "form-1", "X-Hub-Signature-256", sign(SECRET, body)));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(awaitOutcome("form-1")).endsWith("Design for failure.");
    }

    @Test
    void deliveriesStoredBeforeARestartAreProcessedByThePoll() {
        seedStory("IN_PROGRESS");
        jdbc.update("insert into webhook_deliveries (source, hook_id, delivery_id, event, action, payload) "
                + "values ('github', ?, 'left-behind', 'pull_request', 'opened', cast(? as jsonb))",
                HOOK_ID, fixture("pull_request.opened.json"));

        assertThat(awaitOutcome("left-behind")).isEqualTo("pull request acme/shop#7 is OPEN");
        assertThat(jdbc.queryForObject("select status from stories", String.class)).isEqualTo("IN_REVIEW");
    }

    @Test
    void anEmbeddedForgeDeliveryTakesTheSameProcessorAndPublishesItsForgeEvent() {
        long story = seedStory("IN_PROGRESS");
        jdbc.update("insert into webhook_deliveries (source, hook_id, delivery_id, event, action, payload) "
                + "values ('embedded', 'embedded', 'forge-1', 'pull_request', 'opened', cast(? as jsonb))",
                "{\"type\": \"PullRequestOpened\", \"event\": {\"pr_id\": 5, \"repo\": \"agent-team/demo\", \"number\": 1, "
                        + "\"head\": \"feature/ISSUE-" + story + "\", \"sha\": \"" + "a".repeat(40) + "\", \"story_id\": " + story + "}}");

        assertThat(awaitOutcome("forge-1")).startsWith("published PullRequestOpened[prId=5");
        assertThat(jdbc.queryForObject("select status from stories", String.class)).isEqualTo("IN_REVIEW");
    }

    private long deliveries() {
        return jdbc.queryForObject("select count(*) from webhook_deliveries", Long.class);
    }

    private interface BodyWriter {
        void write(OutputStream out) throws IOException;
    }

    /** A request over a plain socket, for headers the JDK client does not let a caller set. */
    private String rawRequest(String lengthHeader, BodyWriter body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /webhooks/github HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "X-GitHub-Event: push\r\nX-GitHub-Delivery: big\r\nX-Hub-Signature-256: sha256=00\r\n"
                    + lengthHeader + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            try {
                body.write(out);
                out.flush();
            } catch (IOException closedEarly) {
                // The server may answer and close before the whole body is sent; its answer is still readable.
            }
            // Half-closing tells the server no more body comes, so it answers and closes without waiting for more.
            if (!socket.isOutputShutdown()) {
                try {
                    socket.shutdownOutput();
                } catch (IOException alreadyClosed) {
                    // The server closed first; its answer is what is left to read.
                }
            }
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
