package dev.agentteam.common.task;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * Converts the typed payload and result records of the task protocol to and from the JSON objects envelopes
 * carry (snake_case field names, nulls left out). Fields a newer producer added are ignored and fields an older
 * producer did not send are null, so payloads already in the queue still decode after a release.
 */
public final class TaskPayloads {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private TaskPayloads() {
    }

    /** The record as the JSON object an envelope's payload or a result's output holds. */
    public static Map<String, Object> toMap(Object record) {
        return MAPPER.convertValue(record, new TypeReference<Map<String, Object>>() { });
    }

    /** @throws IllegalArgumentException when the payload does not fit the record (a wrong type, not a missing field) */
    public static <T> T read(Map<String, Object> payload, Class<T> type) {
        try {
            return MAPPER.convertValue(payload, type);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the payload is not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public static String toJson(Object record) {
        return MAPPER.writeValueAsString(record);
    }

    public static <T> T fromJson(String json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }
}
