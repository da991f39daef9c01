package dev.agentteam.orchestrator.sprint;

import java.util.List;

/**
 * A plan computed from the backlog: the stories selected for a sprint (in the order they should be worked on)
 * and the READY stories left out, each with the reason. Numbers only; the Scrum agent writes the prose.
 */
public record SprintPlan(int capacityPoints, List<PlannedStory> selected, List<PlannedStory> skipped) {

    public SprintPlan {
        selected = List.copyOf(selected);
        skipped = List.copyOf(skipped);
    }

    public int selectedPoints() {
        return selected.stream().mapToInt(story -> story.estimate() == null ? 0 : story.estimate()).sum();
    }

    public List<Long> selectedIds() {
        return selected.stream().map(PlannedStory::storyId).toList();
    }

    /** One story's place in the plan and why. */
    public record PlannedStory(long storyId, String title, int priority, Integer estimate, List<Long> dependsOn,
                               String reason) {

        public PlannedStory {
            dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        }
    }
}
