package dev.agentteam.orchestrator.api;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges an answer against what the OpenAPI document promises for it, as Schemathesis' content-type and
 * response-schema checks do: the media type must be one the document lists for that status, and a JSON body must
 * be valid against the schema given there (OpenAPI's own dialect, so {@code nullable} counts; {@code $ref}s into
 * {@code components} are followed).
 */
final class ResponseSchemas {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode spec;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new HashMap<>();

    ResponseSchemas(JsonNode spec) {
        this.spec = spec;
        this.registry = SchemaRegistry.withDialect(spec.path("openapi").asString().startsWith("3.0")
                ? Dialects.getOpenApi30() : Dialects.getOpenApi31());
    }

    /**
     * What is wrong with an answer of {@code operation} (empty when nothing): a content type the document does not
     * list for the status, or a body that its schema rejects.
     */
    Optional<String> violation(JsonNode operation, String status, String contentType, String body) {
        JsonNode content = operation.path("responses").path(status).path("content");
        if (body == null || body.isEmpty() || content.isMissingNode() || content.isEmpty()) {
            return Optional.empty();
        }
        String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase();
        Optional<String> documented = content.propertyNames().stream()
                .filter(candidate -> matches(candidate, mediaType)).findFirst();
        if (documented.isEmpty()) {
            return Optional.of("content type " + mediaType + " not documented, expected one of "
                    + content.propertyNames());
        }
        JsonNode schemaNode = content.path(documented.get()).path("schema");
        if (schemaNode.isMissingNode() || !mediaType.endsWith("json")) {
            return Optional.empty();
        }
        JsonNode instance;
        try {
            instance = JSON.readTree(body);
        } catch (RuntimeException e) {
            return Optional.of("body is not JSON");
        }
        List<Error> errors = schema(schemaNode).validate(instance);
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("body does not match its schema: "
                + errors.stream().limit(3).map(Error::toString).toList());
    }

    private static boolean matches(String documented, String actual) {
        if (documented.equals(actual) || documented.equals("*/*")) {
            return true;
        }
        return documented.endsWith("/*") && actual.startsWith(documented.substring(0, documented.length() - 1));
    }

    /** The response schema as the root of a document that also carries the components its refs point into. */
    private Schema schema(JsonNode schemaNode) {
        return schemas.computeIfAbsent(schemaNode.toString(), key -> {
            ObjectNode document = JSON.createObjectNode();
            document.putArray("allOf").add(schemaNode);
            document.set("components", spec.path("components"));
            return registry.getSchema(SchemaLocation.of("https://agentteam.invalid/response/" + schemas.size()),
                    document);
        });
    }
}
