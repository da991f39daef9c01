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
    void everyOperationDocumentsItsErrorsAsProblemDocuments() {
        JsonNode spec = api.get("/v3/api-docs").json();
        assertThat(spec.at("/components/schemas/Problem/properties").propertyNames()).contains("type", "title", "status", "detail");
        int operations = 0;
        for (String path : spec.get("paths").propertyNames()) {
            for (String method : spec.get("paths").get(path).propertyNames()) {
                JsonNode responses = spec.get("paths").get(path).get(method).get("responses");
                for (String status : new String[] {"400", "401", "403", "405", "500"}) {
                    assertThat(responses.at("/" + status + "/content/application~1problem+json/schema/$ref").asString())
                            .as(method + " " + path + " " + status).isIn("#/components/schemas/Problem", "#/components/schemas/ProblemDetail");
                }
                operations++;
            }
        }
        assertThat(operations).isGreaterThan(20);
    }

    @Test
    void createsAreDocumentedAs201WithLocationAndBoundsAsMaximums() {
        JsonNode spec = api.get("/v3/api-docs").json();
        for (String path : new String[] {"/api/epics", "/api/sprints", "/api/repositories", "/api/sprints/plan"}) {
            JsonNode responses = spec.at("/paths/" + path.replace("/", "~1") + "/post/responses");
            assertThat(responses.has("201")).as(path).isTrue();
            assertThat(responses.at("/201/headers/Location").isMissingNode()).as(path).isFalse();
            assertThat(responses.has("415")).as(path).isTrue();
        }
        assertThat(spec.at("/paths/~1api~1sprints~1plan/post/responses").has("200")).isTrue();
        JsonNode size = null;
        for (JsonNode parameter : spec.at("/paths/~1api~1backlog/get/parameters")) {
            if (parameter.get("name").asString().equals("size")) {
                size = parameter;
            }
        }
        assertThat(size).isNotNull();
        assertThat(size.at("/schema/maximum").asInt()).isEqualTo(ApiPaging.MAX_SIZE);

        Reply created = api.postJson("/api/epics", "{\"title\":\"Docs\",\"description\":\"tell the truth\",\"owner_id\":1}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.location()).endsWith("/api/epics/" + created.json().get("id").asLong());
    }

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
