package dev.agentteam.orchestrator.api;

import dev.agentteam.orchestrator.support.FormClient;
import dev.agentteam.orchestrator.support.IntegrationTest;
import dev.agentteam.orchestrator.support.TestApi.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiTest extends IntegrationTest {

    @Test
    void theApiIsDocumentedInSnakeCase() {
        Reply docs = api.get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        JsonNode spec = docs.json();
        assertThat(spec.get("paths").propertyNames()).contains("/api/epics", "/api/epics/{id}", "/api/backlog",
                "/api/sprints", "/api/sprints/{id}", "/api/metrics");
        JsonNode epicRequest = spec.get("components").get("schemas").get("CreateEpicRequest").get("properties");
        assertThat(epicRequest.propertyNames()).containsExactlyInAnyOrder("title", "description", "owner_id", "repository_id");
        assertThat(epicRequest.get("title").get("maxLength").asInt()).isEqualTo(200);
        assertThat(spec.get("paths").propertyNames()).contains("/api/sprints/plan", "/api/sprints/{id}/start",
                "/api/sprints/{id}/close", "/api/sprints/{id}/retro");
        assertThat(spec.get("components").get("schemas").get("PlanSprintRequest").get("properties").propertyNames())
                .containsExactlyInAnyOrder("name", "goal", "start", "end", "capacity_points");
        assertThat(spec.get("components").get("schemas").get("RetroResponse").get("properties").propertyNames())
                .contains("sprint_id", "went_well", "to_improve", "actions", "metrics");
    }

    @LocalServerPort
    int port;

    @Test
    void swaggerUiAndOperationalEndpointsAnswer() {
        // Swagger UI is a page: readable by anyone signed in (a viewer is enough).
        FormClient browser = users.signedIn("viewer", port);
        assertThat(browser.get("/swagger-ui.html").statusCode()).isIn(200, 302);
        var ui = browser.get("/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("Swagger UI");
        assertThat(browser.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).GET().build()).statusCode()).isEqualTo(200);
        assertThat(anonymous.getAnything("/actuator/health").status()).isEqualTo(200);
        Reply prometheus = api.getAnything("/actuator/prometheus");
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
    }
}
