package dev.agentteam.orchestrator.api;

import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes the properties of the document's component schemas tell the truth about two things springdoc gets wrong.
 * <p>Nullability: marks every property that is not required as nullable (OpenAPI 3.1): our records serialise an absent value as
 * {@code null} rather than leaving the field out, so a field the document does not require can arrive as
 * {@code null}, and for request bodies {@code null} means "not given". A plain type gains {@code "null"} among its
 * types; a reference, an enum or a composition is wrapped in {@code anyOf [schema, null]}, because a validator
 * applies {@code $ref}, {@code enum} and {@code anyOf} to a {@code null} too.
 * <p>Maps of {@code Object} (a task's payload and result, which differ by task type): their values may be any JSON
 * value, not only objects, so {@code additionalProperties} becomes {@code true}.
 */
final class PropertySchemas {

    private PropertySchemas() {
    }

    @SuppressWarnings("rawtypes")
    static void mark(Map<String, Schema> schemas) {
        if (schemas == null) {
            return;
        }
        schemas.values().forEach(PropertySchemas::markProperties);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void markProperties(Schema schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        properties.values().forEach(PropertySchemas::anyValueMap);
        properties.replaceAll((name, property) -> required.contains(name) ? property : nullable(property));
    }

    @SuppressWarnings("rawtypes")
    private static void anyValueMap(Schema property) {
        if (property.getAdditionalProperties() instanceof Schema values && values.get$ref() == null
                && values.getProperties() == null && isObjectType(values)) {
            property.setAdditionalProperties(true);
        }
    }

    @SuppressWarnings("rawtypes")
    private static boolean isObjectType(Schema schema) {
        return "object".equals(schema.getType())
                || schema.getTypes() != null && schema.getTypes().equals(Set.of("object"));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema nullable(Schema property) {
        if (property == null || isNullable(property)) {
            return property;
        }
        boolean plain = property.get$ref() == null && property.getEnum() == null && property.getAnyOf() == null
                && property.getOneOf() == null && property.getAllOf() == null;
        Set<String> types = property.getTypes() != null ? new LinkedHashSet<>(property.getTypes())
                : property.getType() != null ? new LinkedHashSet<>(List.of(property.getType())) : null;
        if (plain && types != null) {
            types.add("null");
            property.setType(null);
            return property.types(types);
        }
        JsonSchema wrapper = new JsonSchema();
        wrapper.setDescription(property.getDescription());
        wrapper.setAnyOf(List.of(property, new JsonSchema().types(new LinkedHashSet<>(List.of("null")))));
        return wrapper;
    }

    @SuppressWarnings("rawtypes")
    private static boolean isNullable(Schema property) {
        if (property.getTypes() != null && property.getTypes().contains("null")) {
            return true;
        }
        return property.getAnyOf() != null && ((List<Schema>) property.getAnyOf()).stream()
                .anyMatch(alternative -> alternative.getTypes() != null && alternative.getTypes().contains("null"));
    }
}
