package dev.agentteam.orchestrator.webhook;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * GitHub's webhook. Verifies the signature over the raw bytes, stores the delivery once per (hook id, delivery id)
 * and answers at once (GitHub waits 10 s); the processor does the work afterwards.
 */
@RestController
class GitHubWebhookController {

    private static final Logger log = LoggerFactory.getLogger(GitHubWebhookController.class);

    private final WebhookProperties properties;
    private final DeliveryStore store;
    private final DeliveryProcessor processor;
    private final JsonMapper json;

    GitHubWebhookController(WebhookProperties properties, DeliveryStore store, DeliveryProcessor processor,
            JsonMapper json) {
        this.properties = properties;
        this.store = store;
        this.processor = processor;
        this.json = json;
    }

    @PostMapping("/webhooks/github")
    ResponseEntity<Map<String, Object>> receive(HttpServletRequest request) throws IOException {
        if (!properties.secretConfigured()) {
            throw problem(HttpStatus.SERVICE_UNAVAILABLE, "Webhook not configured", "No webhook secret is configured "
                    + "(AGENTTEAM_GITHUB_WEBHOOK_SECRET), so no delivery can be verified; all are refused.");
        }
        long max = properties.webhookMaxPayload().toBytes();
        if (request.getContentLengthLong() > max) {
            throw tooLarge(request.getContentLengthLong() + " bytes", max);
        }
        byte[] body = readAtMost(request.getInputStream(), max);
        if (!WebhookSignature.matches(properties.webhookSecret(), body, request.getHeader("X-Hub-Signature-256"))) {
            throw problem(HttpStatus.UNAUTHORIZED, "Invalid signature", request.getHeader("X-Hub-Signature-256") == null
                    ? "The X-Hub-Signature-256 header is missing; deliveries must be signed with the webhook secret."
                    : "X-Hub-Signature-256 does not match the body; check the webhook secret.");
        }
        String event = required(request, "X-GitHub-Event");
        String deliveryId = required(request, "X-GitHub-Delivery");
        String hookId = Optional.ofNullable(request.getHeader("X-GitHub-Hook-ID")).orElse("");
        JsonNode payload = payload(body, request.getContentType());
        String action = GitHubPayloads.text(payload, "action");
        // jsonb cannot hold U+0000; GitHub passes it through from comments, so it is stored as U+FFFD.
        String storedJson = json.writeValueAsString(payload).replace("\\u0000", "\\ufffd");
        // Only now, with the signature verified, may the delivery count as a duplicate of an earlier one.
        Optional<Long> stored = store.store("github", hookId, deliveryId, event, action, storedJson,
                WebhookSignature.sha256Hex(body));
        if (stored.isEmpty()) {
            log.info("GitHub delivery {} (hook {}) arrived again; already stored", deliveryId, hookId);
            return ResponseEntity.ok(Map.of("delivery_id", deliveryId, "status", "duplicate"));
        }
        processor.wakeUp();
        if ("ping".equals(event)) {
            return ResponseEntity.ok(Map.of("delivery_id", deliveryId, "status", "pong"));
        }
        return ResponseEntity.accepted().body(Map.of("delivery_id", deliveryId, "status", "accepted"));
    }

    /** GitHub sends JSON, or a form with the JSON in {@code payload} when the hook's content type says so. */
    private JsonNode payload(byte[] body, String contentType) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            text = "";
            for (String pair : new String(body, StandardCharsets.US_ASCII).split("&")) {
                if (pair.startsWith("payload=")) {
                    text = URLDecoder.decode(pair.substring("payload=".length()), StandardCharsets.UTF_8);
                }
            }
        }
        try {
            JsonNode payload = json.readTree(text);
            if (payload == null || !payload.isObject()) {
                throw new IllegalArgumentException("not an object");
            }
            return payload;
        } catch (JacksonException | IllegalArgumentException e) {
            throw problem(HttpStatus.BAD_REQUEST, "Bad request", "The delivery body is not a JSON object.");
        }
    }

    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (body.length > max) {
            throw tooLarge("more than " + max + " bytes", max);
        }
        return body;
    }

    private static String required(HttpServletRequest request, String header) {
        String value = request.getHeader(header);
        if (value == null || value.isBlank() || value.length() > 200) {
            throw problem(HttpStatus.BAD_REQUEST, "Bad request", "The " + header + " header is missing or too long.");
        }
        return value.strip();
    }

    private static ErrorResponseException tooLarge(String size, long max) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Delivery too large",
                "The delivery has " + size + "; the limit is " + max + " bytes.");
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        body.setType(URI.create("about:blank"));
        return new ErrorResponseException(status, body, null);
    }
}
