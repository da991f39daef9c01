package dev.agentteam.orchestrator.sprint;

import java.util.List;

/** Published after a sprint was planned and committed. */
public record SprintPlanned(long sprintId, List<Long> storyIds) {
}
