package dev.agentteam.common.llm;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Checks a JSON value against a prompt's output schema (JSON Schema 2020-12) with the networknt validator. Returns
 * readable errors with JSON paths ({@code $.stories[0].estimate: …}), which go back to the model in a repair
 * request; empty means valid (docs/adr/libraries-instead-of-plumbing.md).
 */
public final class JsonSchemaCheck {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            registry -> registry.schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.LEGACY).build()));

    private JsonSchemaCheck() {
    }

    public static List<String> validate(JsonNode value, JsonNode schema) {
        return SCHEMAS.getSchema(schema).validate(value).stream().map(Error::toString).toList();
    }
}
