package dev.agentteam.orchestrator.backlog;

import dev.agentteam.common.task.TaskState;
import dev.agentteam.orchestrator.task.TaskView;

import java.time.Instant;
import java.util.List;

/** The JSON shapes of the backlog API (snake_case on the wire, by the global naming strategy). */
final class BacklogResponses {

    private BacklogResponses() {
    }

    record EpicResponse(long id, String title, String description, long ownerId, Long repositoryId,
                        EpicStatus status, Instant createdAt, Instant refinedAt, Instant doneAt,
                        List<StoryResponse> stories, List<TaskResponse> tasks) {
    }

    record StoryResponse(long id, long epicId, String title, String statement, List<String> acceptanceCriteria,
                         Integer estimate, int priority, StoryStatus status, List<Long> dependsOn,
                         Instant createdAt, Instant doneAt, List<TaskResponse> tasks) {
    }

    record TaskResponse(long id, String type, String assignedTo, TaskState status, int attemptCount,
                        int maxAttempts, Long storyId, String lastError, Instant createdAt, Instant finishedAt) {

        static TaskResponse of(TaskView task) {
            return new TaskResponse(task.id(), task.type(), task.assignedTo(), task.status(), task.attemptCount(),
                    task.maxAttempts(), task.storyId(), task.lastError(), task.createdAt(), task.finishedAt());
        }
    }

    record BacklogPage(List<EpicResponse> items, int page, int size, long totalElements, int totalPages) {
    }
}
