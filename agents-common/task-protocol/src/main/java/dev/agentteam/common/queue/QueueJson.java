package dev.agentteam.common.queue;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import dev.agentteam.common.task.TextCut;

/**
 * The wire format of queue entries. It is a contract between processes, so it uses its own mapper with fixed
 * settings instead of the application's {@code JsonMapper}, whose settings an app may change: instants and
 * durations travel as ISO-8601 strings, and unknown fields are ignored so that a newer producer does not
 * break an older worker during a rolling update.
 */
final class QueueJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private QueueJson() {
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new UnreadableEntryException(e);
        }
    }

    /** Reads only the task id, without building the whole envelope. Returns null when the entry has none. */
    static Long taskId(String json) {
        try {
            JsonNode id = MAPPER.readTree(json).get("taskId");
            return id != null && id.canConvertToLong() ? id.asLong() : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    static String abbreviate(String raw) {
        return TextCut.head(raw, 200);
    }

    /** A queue entry that is not a readable envelope (written by a broken producer or by hand). */
    static final class UnreadableEntryException extends RuntimeException {
        UnreadableEntryException(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }
}
