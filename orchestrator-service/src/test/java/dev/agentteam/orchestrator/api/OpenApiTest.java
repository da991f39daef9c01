package dev.agentteam.orchestrator.api;

import dev.agentteam.orchestrator.support.IntegrationTest;
import dev.agentteam.orchestrator.support.TestApi.Reply;
import org.junit.jupiter.api.Test;
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

    @Test
    void swaggerUiAndOperationalEndpointsAnswer() {
        assertThat(api.getAnything("/swagger-ui.html").status()).isIn(200, 302);
        Reply ui = api.getAnything("/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("Swagger UI");
        assertThat(api.getAnything("/actuator/health").status()).isEqualTo(200);
        Reply prometheus = api.getAnything("/actuator/prometheus");
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
    }
}
