package dev.agentteam.orchestrator.sprint;

import java.util.List;

/** Published when a sprint became ACTIVE: its stories are now the team's work. */
public record SprintStarted(long sprintId, List<Long> storyIds) {
}
