package dev.agentteam.orchestrator.webhook;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.ErrorResponseException;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Without a secret nothing can be verified, so every delivery is refused, signed or not. */
class UnconfiguredWebhookTest {

    @Test
    void withoutASecretEveryDeliveryIsRefusedWith503() {
        var controller = new GitHubWebhookController(new WebhookProperties("  ", null, null, null), null, null, null);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/webhooks/github");
        byte[] body = "{\"zen\":\"Keep it logically awesome.\"}".getBytes(StandardCharsets.UTF_8);
        request.setContent(body);
        request.addHeader("X-GitHub-Event", "ping");
        request.addHeader("X-GitHub-Delivery", "d-1");
        request.addHeader("X-Hub-Signature-256", WebhookSignature.sign("a guess", body));

        ErrorResponseException refused = catchThrowableOfType(ErrorResponseException.class,
                () -> controller.receive(request));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(refused.getBody().getDetail()).contains("AGENTTEAM_GITHUB_WEBHOOK_SECRET");
    }
}
