package dev.agentteam.orchestrator.task;

import dev.agentteam.common.task.TaskState;

import java.time.Instant;
import java.util.Map;

/** A read-only view of a task for the API and the other features; {@code workerId} runs (or last ran) it. */
public record TaskView(
        long id,
        String type,
        String assignedTo,
        TaskState status,
        int attemptCount,
        int maxAttempts,
        Long epicId,
        Long storyId,
        Map<String, Object> payload,
        Map<String, Object> result,
        String lastError,
        String traceId,
        Instant createdAt,
        Instant queuedAt,
        Instant startedAt,
        Instant finishedAt,
        String workerId) {
}
