package dev.agentteam.orchestrator.sprint;

import dev.agentteam.orchestrator.backlog.StoryStatus;
import dev.agentteam.orchestrator.backlog.StoryView;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the sprint API. */
final class SprintRequests {

    private SprintRequests() {
    }

    record CreateSprintRequest(
            @Schema(example = "Sprint 1") @Size(max = 200, message = "must be at most 200 characters")
            @Pattern(regexp = "[^\\x00]*", message = "must not contain NUL (\\u0000) characters") String name,
            @Schema(example = "2026-12-01") @NotNull LocalDate start,
            @Schema(example = "2026-12-14") @NotNull LocalDate end,
            @Schema(description = "Ids of the stories to plan") @NotNull @Size(max = 500, message = "must list at most 500 stories")
            List<@NotNull @Positive Long> stories,
            @Size(max = 2000, message = "must be at most 2000 characters")
            @Pattern(regexp = "[^\\x00]*", message = "must not contain NUL (\\u0000) characters") String goal,
            @Positive Integer capacityPoints) {

        PlanSprint toCommand() {
            return new PlanSprint(name, goal, start, end, capacityPoints, stories);
        }
    }

    record CommitStoriesRequest(
            @Schema(description = "Ids of the stories to commit") @NotNull
            @Size(min = 1, max = 500, message = "must list between 1 and 500 stories") List<@NotNull @Positive Long> stories) {
    }

    record PlanSprintRequest(
            @Schema(example = "Sprint 1") @Size(max = 200, message = "must be at most 200 characters")
            @Pattern(regexp = "[^\\x00]*", message = "must not contain NUL (\\u0000) characters") String name,
            @Schema(example = "2026-12-01") @NotNull LocalDate start,
            @Schema(example = "2026-12-14") @NotNull LocalDate end,
            @Schema(example = "20", description = "Story points the team can take on in this sprint")
            @NotNull @Positive @Max(value = 10_000, message = "must be at most 10000") Integer capacityPoints,
            @Size(max = 2000, message = "must be at most 2000 characters")
            @Pattern(regexp = "[^\\x00]*", message = "must not contain NUL (\\u0000) characters") String goal) {

        PlanByCapacity toCommand() {
            return new PlanByCapacity(name, goal, start, end, capacityPoints);
        }
    }

    record SprintResponse(long id, String name, String goal, LocalDate start, LocalDate end, SprintStatus status,
                          Integer capacityPoints, int plannedPoints, int unestimatedStories,
                          List<SprintStory> stories, Instant createdAt, Instant startedAt, Instant closedAt,
                          @Schema(description = "How capacity planning chose: selected and skipped stories with reasons")
                          Map<String, Object> plan,
                          @Schema(description = "The Scrum agent's planning narrative, once written") String planRationale,
                          Long planTaskId,
                          @Schema(description = "The retrospective, once the Scrum agent wrote it after the close")
                          Map<String, Object> retro,
                          Long retroTaskId) {
    }

    record RetroResponse(long sprintId, String summary, List<String> wentWell, List<String> toImprove,
                         List<String> actions,
                         @Schema(description = "The sprint's metrics at close, which the retrospective is based on")
                         Map<String, Object> metrics,
                         Long taskId, String writtenAt) {

        @SuppressWarnings("unchecked")
        static RetroResponse of(long sprintId, Map<String, Object> retro) {
            return new RetroResponse(sprintId, (String) retro.get("summary"), (List<String>) retro.get("went_well"),
                    (List<String>) retro.get("to_improve"), (List<String>) retro.get("actions"),
                    (Map<String, Object>) retro.get("metrics"),
                    retro.get("task_id") instanceof Number n ? n.longValue() : null, (String) retro.get("written_at"));
        }
    }

    record SprintStory(long id, long epicId, String title, StoryStatus status, Integer estimate, int priority) {

        static SprintStory of(StoryView story) {
            return new SprintStory(story.id(), story.epicId(), story.title(), story.status(), story.estimate(),
                    story.priority());
        }
    }
}
