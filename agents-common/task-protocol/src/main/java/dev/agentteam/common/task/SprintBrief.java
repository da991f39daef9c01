package dev.agentteam.common.task;

import java.util.List;
import java.util.Map;

import static dev.agentteam.common.task.TaskPayloads.required;

/**
 * The payloads of the Scrum agent's tasks. The orchestrator computes every number; the agent only writes prose.
 * Dates are ISO dates ({@code 2026-12-07}).
 */
public final class SprintBrief {

    private SprintBrief() {
    }

    /** {@code scrum.plan_sprint}: the plan the orchestrator computed, for the planning narrative. */
    public record PlanSprint(Long sprintId, String sprintName, String goal, String start, String end, Double velocityPoints,
                             Integer capacityPoints, Integer selectedPoints, List<SprintStory> selected,
                             List<SprintStory> skipped) implements CheckedPayload {

        public PlanSprint {
            selected = selected == null ? List.of() : List.copyOf(selected);
            skipped = skipped == null ? List.of() : List.copyOf(skipped);
        }

        @Override
        public void check() {
            required(sprintId, "sprint_id");
            required(capacityPoints, "capacity_points");
        }
    }

    /**
     * {@code scrum.write_retro}: what the sprint committed and completed, its stories and its metrics report (the
     * metrics feature's JSON object, passed on as it is).
     */
    public record WriteRetro(Long sprintId, String sprintName, String goal, String start, String end, Integer capacityPoints,
                             Double velocityPoints, Tally committed, Tally completed, List<SprintStory> stories,
                             Map<String, Object> metrics) implements CheckedPayload {

        public WriteRetro {
            committed = committed == null ? new Tally(0, 0) : committed;
            completed = completed == null ? new Tally(0, 0) : completed;
            stories = stories == null ? List.of() : List.copyOf(stories);
            metrics = metrics == null ? Map.of() : metrics;
        }

        @Override
        public void check() {
            required(sprintId, "sprint_id");
        }
    }

    /** A story as a sprint brief lists it; {@code reason} says why the planner selected or skipped it. */
    public record SprintStory(Long storyId, String title, String status, Integer priority, Integer estimate,
                              List<Long> dependsOn, String reason) {
    }

    /** Stories and points. */
    public record Tally(Integer stories, Integer points) {
    }
}
