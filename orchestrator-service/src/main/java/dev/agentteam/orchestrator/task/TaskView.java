package dev.agentteam.orchestrator.task;

import dev.agentteam.common.task.TaskState;

import java.time.Instant;
import java.util.Map;

/**
 * A read-only view of a task for the API and the other features; {@code workerId} runs (or last ran) it;
 * {@code nextAttemptAt} is when a FAILED task is retried (null when it is not: the failure is its outcome).
 */
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
        String workerId,
        Instant nextAttemptAt) {

    /**
     * Nothing more happens to the task on its own: it is final (SUCCEEDED, DEAD, CANCELLED) or FAILED without a retry
     * (a failure that retrying cannot fix, or a task refused at creation). A BLOCKED task waits for a human.
     */
    public boolean ended() {
        return status.isFinal() || status == TaskState.FAILED && nextAttemptAt == null;
    }
}
