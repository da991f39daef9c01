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
                        EpicStatus status, Instant createdAt, Instant refinedAt, Instant doneAt, String refinementError,
                        List<StoryResponse> stories, List<TaskResponse> tasks) {
    }

    record StoryResponse(long id, long epicId, String title, String statement,
                         List<AcceptanceCriterion> acceptanceCriteria, Integer estimate, int priority, StoryStatus status,
                         List<Long> dependsOn, boolean needsSplit, Instant createdAt, Instant doneAt,
                         List<TaskResponse> tasks) {

        static StoryResponse of(StoryView story, List<TaskResponse> tasks) {
            return new StoryResponse(story.id(), story.epicId(), story.title(), story.statement(),
                    story.acceptanceCriteria(), story.estimate(), story.priority(), story.status(), story.dependsOn(),
                    story.needsSplit(), story.createdAt(), story.doneAt(), tasks);
        }
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
