package dev.agentteam.orchestrator.backlog;

import java.util.List;

/**
 * A command to add a story to an epic (the PO agent's output, once accepted). Null {@code priority} means 3,
 * null {@code status} means READY.
 */
public record NewStory(String title, String statement, List<String> acceptanceCriteria, Integer estimate,
                       Integer priority, StoryStatus status, List<Long> dependsOn) {

    public NewStory {
        acceptanceCriteria = acceptanceCriteria == null ? List.of() : List.copyOf(acceptanceCriteria);
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }
}
