package dev.agentteam.orchestrator.api;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The fuzz run's judge must itself catch what Schemathesis would: nulls, wrong types, undocumented media types. */
class ResponseSchemasTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode spec = JSON.readTree("""
            {"openapi": "3.1.0",
             "paths": {"/api/things/{id}": {"get": {"responses": {"200": {"content": {"application/json":
                 {"schema": {"$ref": "#/components/schemas/Thing"}}}}}}}},
             "components": {"schemas": {"Thing": {"type": "object", "required": ["id"], "properties": {
                 "id": {"type": "integer"},
                 "done_at": {"type": ["string", "null"], "format": "date-time"},
                 "name": {"type": "string"}}}}}}
            """);
    private final JsonNode operation = spec.at("/paths/~1api~1things~1{id}/get");
    private final ResponseSchemas schemas = new ResponseSchemas(spec);

    @Test
    void aBodyMatchingItsSchemaPasses() {
        assertThat(schemas.violation(operation, "200", "application/json", "{\"id\": 1, \"done_at\": null}")).isEmpty();
    }

    @Test
    void aNullWhereTheDocumentDoesNotAllowOneFails() {
        assertThat(schemas.violation(operation, "200", "application/json;charset=UTF-8", "{\"id\": 1, \"name\": null}"))
                .hasValueSatisfying(violation -> assertThat(violation).contains("/name"));
    }

    @Test
    void aMissingRequiredFieldOrAWrongTypeFails() {
        assertThat(schemas.violation(operation, "200", "application/json", "{\"name\": \"x\"}")).isPresent();
        assertThat(schemas.violation(operation, "200", "application/json", "{\"id\": \"one\"}")).isPresent();
    }

    @Test
    void aMediaTypeTheDocumentDoesNotListFails() {
        assertThat(schemas.violation(operation, "200", "text/html", "<p>hi</p>"))
                .hasValueSatisfying(violation -> assertThat(violation).contains("content type text/html"));
    }
}
