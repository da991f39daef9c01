package dev.agentteam.orchestrator.api;

import dev.agentteam.orchestrator.support.IntegrationTest;
import dev.agentteam.orchestrator.support.TestApi.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bounded fuzz run driven by the published OpenAPI document: for every {@code /api} operation (the forge's
 * git-facing API excepted) it sends a plausible request built from the schemas and a handful of broken ones
 * (wrong types, NUL characters, out-of-range numbers, bad ids), and judges each answer as Schemathesis would: no
 * server error, a status the document lists, problem+json for every error, a content type the document lists for
 * that status and a body valid against the schema it gives ({@link ResponseSchemas}). Seeded,
 * so a failure names a request that can be replayed.
 */
class ApiFuzzTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] BAD_IDS = {"abc", "-1", "0", "99999999999999999999", "%20"};
    private static final String[] BAD_VALUES = {"x", "-1", "2147483648", "", "%00", "true"};

    private final Random random = new Random(13);
    private final List<String> failures = new ArrayList<>();
    private int sent;
    private ResponseSchemas schemas;
    /** The id used where a path names a resource: a fresh viewer, so no request can edit the caller (user 1). */
    private String id;

    @Test
    void everyOperationAnswersConformantlyToBrokenAndPlausibleRequests() {
        JsonNode spec = api.get("/v3/api-docs").json();
        schemas = new ResponseSchemas(spec);
        id = String.valueOf(users.create("viewer", "human").id());
        for (String path : spec.get("paths").propertyNames()) {
            // The forge's git-facing API has its own (GitHub-shaped) contract; /api/test/** are test-only probes.
            if (path.startsWith("/api/forge/") || path.startsWith("/api/test/")) {
                continue;
            }
            JsonNode item = spec.get("paths").get(path);
            for (String method : item.propertyNames()) {
                fuzz(spec, path, method.toUpperCase(), item.get(method));
            }
        }
        assertThat(sent).isGreaterThan(100);
        assertThat(failures).as(sent + " requests sent; nonconformant answers").isEmpty();
    }

    private void fuzz(JsonNode spec, String path, String method, JsonNode operation) {
        JsonNode bodySchema = operation.at("/requestBody/content/application~1json/schema");
        JsonNode body = bodySchema.isMissingNode() ? null : sample(spec, bodySchema, 0);
        send(operation, method, target(operation, path, id, null), body == null ? null : body.toString());
        for (String badId : BAD_IDS) {
            if (path.contains("{")) {
                send(operation, method, target(operation, path, badId, null), body == null ? null : body.toString());
            }
        }
        for (String badValue : BAD_VALUES) {
            if (operation.has("parameters")) {
                send(operation, method, target(operation, path, id, badValue), body == null ? null : body.toString());
            }
        }
        if (body instanceof ObjectNode object) {
            for (String field : object.propertyNames()) {
                for (Object wrong : new Object[] {false, "a\u0000b", Long.MAX_VALUE, "x".repeat(30_000), List.of()}) {
                    ObjectNode broken = object.deepCopy();
                    broken.set(field, JSON.valueToTree(wrong));
                    send(operation, method, target(operation, path, id, null), broken.toString());
                }
            }
            send(operation, method, target(operation, path, id, null), "[]");
            send(operation, method, target(operation, path, id, null), "{\"unknown\": {\"deep\": [1, 2]}}");
        }
    }

    /** The path with {@code id} for every path variable and a value for every declared query parameter. */
    private String target(JsonNode operation, String path, String id, String queryValue) {
        String resolved = path.replaceAll("\\{[^}]+}", id);
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : operation.path("parameters")) {
            if (!"query".equals(parameter.path("in").asString())) {
                continue;
            }
            String value = queryValue != null ? queryValue : plainValue(parameter.path("schema"));
            if (value == null) {
                continue;
            }
            query.append(query.isEmpty() ? "?" : "&").append(parameter.get("name").asString()).append('=')
                    .append(value.startsWith("%") ? value : URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return resolved + query;
    }

    private String plainValue(JsonNode schema) {
        if (schema.has("default")) {
            return schema.get("default").asString();
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size())).asString();
        }
        return switch (typeOf(schema)) {
            case "integer", "number" -> String.valueOf(schema.has("minimum") ? schema.get("minimum").asLong() : 1);
            case "boolean" -> "false";
            case "string" -> "fuzz";
            default -> null;
        };
    }

    /** A value that fits {@code schema}, following {@code $ref}s (bounded depth). */
    private JsonNode sample(JsonNode spec, JsonNode schema, int depth) {
        if (schema.has("$ref")) {
            return sample(spec, spec.at(schema.get("$ref").asString().substring(1)), depth + 1);
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size()));
        }
        for (String alternatives : new String[] {"anyOf", "oneOf", "allOf"}) {
            if (schema.has(alternatives)) {
                return sample(spec, schema.get(alternatives).get(0), depth + 1);
            }
        }
        String type = typeOf(schema);
        return switch (type) {
            case "integer", "number" -> JSON.valueToTree(schema.has("minimum") ? schema.get("minimum").asLong() : 1);
            case "boolean" -> JSON.valueToTree(random.nextBoolean());
            case "string" -> JSON.valueToTree(stringFor(schema));
            case "array" -> {
                var array = JSON.createArrayNode();
                if (depth < 4 && schema.has("items")) {
                    array.add(sample(spec, schema.get("items"), depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = JSON.createObjectNode();
                if (depth < 4) {
                    for (String name : schema.path("properties").propertyNames()) {
                        object.set(name, sample(spec, schema.get("properties").get(name), depth + 1));
                    }
                }
                yield object;
            }
        };
    }

    /** The schema's type; of a 3.1 type list such as {@code ["string", "null"]} the first that is not null. */
    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode candidate : type) {
                if (!"null".equals(candidate.asString())) {
                    return candidate.asString();
                }
            }
            return "null";
        }
        return type.asString();
    }

    private static String stringFor(JsonNode schema) {
        return switch (schema.path("format").asString()) {
            case "date" -> "2026-12-01";
            case "date-time" -> "2026-12-01T10:00:00Z";
            case "uri" -> "https://example.com/x";
            case "email" -> "fuzz@example.com";
            default -> "fuzz";
        };
    }

    private void send(JsonNode operation, String method, String target, String body) {
        sent++;
        Reply reply;
        try {
            reply = api.send(method, target, body == null ? null : "application/json", body);
        } catch (RuntimeException e) {
            failures.add(method + " " + target + " " + abbreviate(body) + " → no answer: " + e.getMessage());
            return;
        }
        String status = String.valueOf(reply.status());
        String request = method + " " + target + " " + abbreviate(body) + " → " + status;
        if (reply.status() >= 500) {
            failures.add(request + " (server error) " + abbreviate(reply.body()));
        } else if (!operation.path("responses").has(status) && !operation.path("responses").has("default")) {
            failures.add(request + " (status not documented)");
        } else if (reply.status() >= 400 && !reply.isProblem()) {
            failures.add(request + " (error is " + reply.contentType() + ", not problem+json)");
        } else {
            schemas.violation(operation, status, reply.contentType(), reply.body())
                    .ifPresent(violation -> failures.add(request + " (" + violation + ")"));
        }
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }
}
