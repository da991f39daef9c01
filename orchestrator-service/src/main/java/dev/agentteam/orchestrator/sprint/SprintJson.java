package dev.agentteam.orchestrator.sprint;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/** The sprint's jsonb columns (plan, retro) are read and written as plain maps with snake_case keys. */
final class SprintJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private SprintJson() {
    }

    static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    static Map<String, Object> read(String column) {
        return column == null ? null : JSON.readValue(column, MAP);
    }

    /** A record or any value as the plain maps, lists and scalars a task payload must consist of. */
    static Object plain(Object value) {
        return value == null ? null : JSON.readValue(JSON.writeValueAsString(value), Object.class);
    }
}
