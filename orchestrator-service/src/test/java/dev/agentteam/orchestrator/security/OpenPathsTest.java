package dev.agentteam.orchestrator.security;

import dev.agentteam.orchestrator.support.IntegrationTest;
import dev.agentteam.orchestrator.support.TestApi.Reply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The paths that stay open to anonymous callers (they have their own protection or none by design). */
class OpenPathsTest extends IntegrationTest {

    /** Issue 13: metrics and health details were public. Health still answers anyone, with its status only. */
    @Test
    void healthIsOpenWithoutDetailsAndPrometheusNeedsAViewer() {
        Reply health = anonymous.getAnything("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components").doesNotContain("db");
        assertThat(anonymous.getAnything("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(anonymous.as(users.person("viewer")).getAnything("/actuator/prometheus").status()).isEqualTo(200);
    }

    @Test
    void theWebhookAndForgePathsAreNotAskedForAnApiToken() {
        // Whatever these answer comes from their own code (HMAC, forge tokens), never from the API's token check.
        assertThat(anonymous.postJson("/webhooks/github", "{}").body()).doesNotContain("API token");
        assertThat(anonymous.get("/api/forge/repos").body()).doesNotContain("API token");
        assertThat(anonymous.get("/git/demo.git/info/refs").body()).doesNotContain("API token");
    }

    @Test
    void theLoginPageIsOpenAndEverythingElseIsNot() {
        assertThat(anonymous.getAnything("/login").status()).isEqualTo(200);
        assertThat(anonymous.getAnything("/swagger-ui.html").status()).isEqualTo(302);
        assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(401);
        Reply docs = api.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("components").path("securitySchemes").path("apiToken").path("scheme").asString())
                .isEqualTo("bearer");
    }
}
