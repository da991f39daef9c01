package dev.agentteam.orchestrator.backlog;

import java.util.List;

/**
 * A command to add a story to an epic (the PO agent's output, once accepted). Null {@code priority} means 3,
 * null {@code status} means READY.
 *
 * @param needsSplit   the PO could not bring the story under the split threshold
 * @param sourceTaskId the {@code po.refine_epic} task that proposed it, or null
 */
public record NewStory(String title, String statement, List<AcceptanceCriterion> acceptanceCriteria, Integer estimate,
                       Integer priority, StoryStatus status, List<Long> dependsOn, boolean needsSplit,
                       Long sourceTaskId) {

    public NewStory {
        acceptanceCriteria = acceptanceCriteria == null ? List.of() : List.copyOf(acceptanceCriteria);
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    /** A story written by a person: not flagged, from no task. */
    public NewStory(String title, String statement, List<AcceptanceCriterion> acceptanceCriteria, Integer estimate,
                    Integer priority, StoryStatus status, List<Long> dependsOn) {
        this(title, statement, acceptanceCriteria, estimate, priority, status, dependsOn, false, null);
    }
}
