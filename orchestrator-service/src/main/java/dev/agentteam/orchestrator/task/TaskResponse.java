package dev.agentteam.orchestrator.task;

import dev.agentteam.common.task.TaskState;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A task with its status timeline, as {@code GET /api/tasks/{id}} shows it (snake_case, like the rest of the API). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record TaskResponse(
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
        List<TaskTransitionView> transitions) {

    static TaskResponse of(TaskView task, List<TaskTransitionView> transitions) {
        return new TaskResponse(task.id(), task.type(), task.assignedTo(), task.status(), task.attemptCount(),
                task.maxAttempts(), task.epicId(), task.storyId(), task.payload(), task.result(), task.lastError(),
                task.traceId(), task.createdAt(), task.queuedAt(), task.startedAt(), task.finishedAt(), task.workerId(),
                transitions);
    }
}
