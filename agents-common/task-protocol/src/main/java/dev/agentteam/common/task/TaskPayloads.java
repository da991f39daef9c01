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

    /**
     * The payload as its record; a {@link CheckedPayload} is also checked for its required fields.
     *
     * @throws InvalidPayloadException naming the field when the payload does not fit the record (a field of the wrong
     *                                 type, or a required field missing)
     */
    public static <T> T read(Map<String, Object> payload, Class<T> type) {
        T record;
        try {
            record = MAPPER.convertValue(payload == null ? Map.of() : payload, type);
        } catch (JacksonException e) {
            String field = field(e);
            throw new InvalidPayloadException("invalid " + type.getSimpleName() + " payload: "
                    + (field.isEmpty() ? "" : "field '" + field + "' has the wrong type (")
                    + firstLine(e.getOriginalMessage()) + (field.isEmpty() ? "" : ")"));
        }
        if (record instanceof CheckedPayload checked) {
            checked.check();
        }
        return record;
    }

    /** @throws InvalidPayloadException when {@code value} is null (or blank text), naming {@code field} */
    public static <T> T required(T value, String field) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new InvalidPayloadException("invalid payload: required field '" + field + "' is missing"
                    + (value == null ? "" : " (blank)"));
        }
        return value;
    }

    /**
     * @return {@code sha}, a full commit id (40 lower-case hex characters)
     * @throws InvalidPayloadException naming {@code field} and the value otherwise
     */
    public static String commitId(String sha, String field) {
        if (sha == null || !sha.matches("[0-9a-f]{40}")) {
            throw new InvalidPayloadException("invalid payload: " + field + " must be a 40-character commit id, was '" + sha + "'");
        }
        return sha;
    }

    /** The dotted snake_case path of the field Jackson failed on ({@code pull_request.number}, {@code selected[2].title}). */
    private static String field(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message.strip();
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }

    public static String toJson(Object record) {
        return MAPPER.writeValueAsString(record);
    }

    public static <T> T fromJson(String json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }
}
