package dev.agentteam.common.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Checks a JSON value against the subset of JSON Schema our prompts use: type, properties, required,
 * additionalProperties=false, items, enum, minItems/maxItems, minimum/maximum, minLength, oneOf/anyOf.
 * Returns readable errors with JSON paths; empty means valid.
 */
public final class JsonSchemaCheck {

    private JsonSchemaCheck() {
    }

    public static List<String> validate(JsonNode value, JsonNode schema) {
        List<String> errors = new ArrayList<>();
        check(value, schema, "$", errors);
        return errors;
    }

    private static void check(JsonNode v, JsonNode s, String path, List<String> errors) {
        if (s == null || !s.isObject()) {
            return;
        }
        for (String combinator : List.of("oneOf", "anyOf")) {
            if (s.has(combinator)) {
                List<String> best = null;
                for (JsonNode alternative : s.get(combinator).values()) {
                    List<String> attempt = new ArrayList<>();
                    check(v, alternative, path, attempt);
                    if (attempt.isEmpty()) {
                        best = List.of();
                        break;
                    }
                    best = best == null || attempt.size() < best.size() ? attempt : best;
                }
                if (best != null && !best.isEmpty()) {
                    errors.add(path + " matches none of the allowed shapes; closest: " + String.join("; ", best));
                }
            }
        }
        if (s.has("type") && !typeMatches(v, s.get("type"))) {
            errors.add(path + " should be " + typeName(s.get("type")) + " but is " + describe(v));
            return;
        }
        if (s.has("enum")) {
            boolean found = false;
            for (JsonNode allowed : s.get("enum").values()) {
                found |= allowed.equals(v);
            }
            if (!found) {
                errors.add(path + " should be one of " + s.get("enum") + " but is " + v);
            }
        }
        if (v.isObject()) {
            if (s.has("required")) {
                for (JsonNode name : s.get("required").values()) {
                    if (!v.has(name.asString())) {
                        errors.add(path + " is missing required field '" + name.asString() + "'");
                    }
                }
            }
            JsonNode props = s.get("properties");
            for (Map.Entry<String, JsonNode> field : v.properties()) {
                if (props != null && props.has(field.getKey())) {
                    check(field.getValue(), props.get(field.getKey()), path + "." + field.getKey(), errors);
                } else if (s.has("additionalProperties") && s.get("additionalProperties").isBoolean()
                        && !s.get("additionalProperties").asBoolean()) {
                    errors.add(path + " has unexpected field '" + field.getKey() + "'");
                }
            }
        }
        if (v.isArray()) {
            if (s.has("minItems") && v.size() < s.get("minItems").asInt()) {
                errors.add(path + " needs at least " + s.get("minItems").asInt() + " item(s), has " + v.size());
            }
            if (s.has("maxItems") && v.size() > s.get("maxItems").asInt()) {
                errors.add(path + " allows at most " + s.get("maxItems").asInt() + " item(s), has " + v.size());
            }
            if (s.has("items")) {
                for (int i = 0; i < v.size(); i++) {
                    check(v.get(i), s.get("items"), path + "[" + i + "]", errors);
                }
            }
        }
        if (v.isNumber()) {
            if (s.has("minimum") && v.asDouble() < s.get("minimum").asDouble()) {
                errors.add(path + " should be >= " + s.get("minimum") + " but is " + v);
            }
            if (s.has("maximum") && v.asDouble() > s.get("maximum").asDouble()) {
                errors.add(path + " should be <= " + s.get("maximum") + " but is " + v);
            }
        }
        if (v.isString() && s.has("minLength") && v.asString().strip().length() < s.get("minLength").asInt()) {
            errors.add(path + " should have at least " + s.get("minLength").asInt() + " character(s)");
        }
    }

    private static String typeName(JsonNode type) {
        return type.isArray() ? "one of " + type : type.asString();
    }

    private static boolean typeMatches(JsonNode v, JsonNode type) {
        if (type.isArray()) {
            for (JsonNode t : type.values()) {
                if (typeMatches(v, t)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asString()) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isString();
            case "integer" -> v.isIntegralNumber() || (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()));
            case "number" -> v.isNumber();
            case "boolean" -> v.isBoolean();
            case "null" -> v.isNull();
            default -> true;
        };
    }

    private static String describe(JsonNode v) {
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return "an array";
        }
        if (v.isString()) {
            return "a string";
        }
        if (v.isNumber()) {
            return "a number (" + v + ")";
        }
        if (v.isBoolean()) {
            return "a boolean";
        }
        return "null";
    }
}
