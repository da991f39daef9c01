package dev.agentteam.orchestrator.task;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps a jsonb column to a {@code Map}. Hibernate's own JSON mapping needs Jackson 2; the application runs on
 * Jackson 3, so the conversion happens here and the column is written with a {@code ::jsonb} cast.
 */
@Converter
class JsonMapConverter implements AttributeConverter<Map<String, Object>, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(Map<String, Object> value) {
        return value == null ? null : JSON.writeValueAsString(value);
    }

    @Override
    public Map<String, Object> convertToEntityAttribute(String column) {
        return column == null ? null : JSON.readValue(column, MAP);
    }

    static String write(Object value) {
        return JSON.writeValueAsString(value);
    }
}
