package dev.agentteam.common.queue;

import java.time.Instant;
import java.util.Set;

/**
 * The value of a worker's heartbeat key: when it last beat and the task types it handles, so the orchestrator
 * knows which types a live agent takes (docs/adr/task-dispatch.md).
 *
 * @param types empty for a worker that declares nothing (an older worker whose heartbeat is a bare timestamp)
 */
public record WorkerBeat(Instant at, Set<String> types) {

    public WorkerBeat {
        types = types == null ? Set.of() : Set.copyOf(types);
    }

    /** Reads a heartbeat value: this record as JSON, or the bare ISO instant older workers write; null when neither. */
    public static WorkerBeat parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.startsWith("{")) {
            try {
                return new WorkerBeat(Instant.parse(value.strip()), Set.of());
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }
        try {
            return QueueJson.read(value, WorkerBeat.class);
        } catch (QueueJson.UnreadableEntryException e) {
            return null;
        }
    }
}
