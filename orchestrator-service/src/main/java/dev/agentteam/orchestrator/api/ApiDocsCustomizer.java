package dev.agentteam.orchestrator.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the OpenAPI document tell the truth about errors in one place rather than on every controller: every
 * operation lists the 4xx answers it can give, each as {@code application/problem+json} with the
 * {@code Problem} schema, plus the 500 of an unexpected failure; every 201 documents its {@code Location}.
 */
final class ApiDocsCustomizer implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.components(new Components());
        }
        PropertySchemas.mark(openApi.getComponents().getSchemas());
        openApi.getComponents().addSchemas(PROBLEM, problemSchema());
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().values().forEach(item -> item.readOperationsMap()
                .forEach((method, operation) -> document(method, operation)));
    }

    private static void document(PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean body = operation.getRequestBody() != null;
        addProblem(responses, "400", "Bad request: a malformed path, query string or body, or invalid values");
        addProblem(responses, "401", "No valid credentials");
        addProblem(responses, "403", "The caller's role may not do this");
        addProblem(responses, "404", "No such resource (or nothing of the kind yet)");
        addProblem(responses, "405", "Method not allowed on this path");
        addProblem(responses, "406", "The Accept header asks for a type this operation cannot produce");
        if (method != PathItem.HttpMethod.GET) {
            addProblem(responses, "409", "Conflicts with the resource's current state");
        }
        if (body) {
            addProblem(responses, "413", "The request body is too large");
            addProblem(responses, "415", "The body is not application/json");
            addProblem(responses, "422", "The body refers to something that does not exist");
        }
        addProblem(responses, "500", "Unexpected failure (logged with the reference it carries)");
        ApiResponse created = responses.get("201");
        if (created != null && (created.getHeaders() == null || !created.getHeaders().containsKey("Location"))) {
            created.addHeaderObject("Location", new Header().description("Path of the created resource, under the "
                    + "server's context path (never built from the request's Host)")
                    .schema(new StringSchema().format("uri-reference")));
        }
    }

    private static void addProblem(ApiResponses responses, String status, String description) {
        ApiResponse existing = responses.get(status);
        MediaType problem = new MediaType().schema(new Schema<>().$ref(PROBLEM_REF));
        if (existing == null) {
            responses.addApiResponse(status, new ApiResponse().description(description)
                    .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE, problem)));
        } else if (existing.getContent() == null || existing.getContent().isEmpty()) {
            existing.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE, problem));
        }
    }

    private static Schema<?> problemSchema() {
        ObjectSchema schema = new ObjectSchema();
        schema.description("RFC 9457 problem details; validation errors add `errors`, unexpected ones `reference`.");
        schema.setProperties(new LinkedHashMap<>(Map.of(
                "type", new StringSchema().format("uri-reference"),
                "title", new StringSchema(),
                "status", new IntegerSchema().minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599)),
                "detail", new StringSchema(),
                "instance", new StringSchema().format("uri-reference"))));
        schema.setRequired(List.of("status", "title"));
        schema.setAdditionalProperties(true);
        return schema;
    }
}
