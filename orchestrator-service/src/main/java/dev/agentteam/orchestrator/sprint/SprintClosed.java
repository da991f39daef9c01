package dev.agentteam.orchestrator.sprint;

import java.util.List;

/** Published when a sprint was CLOSED; its unfinished stories can be planned again. */
public record SprintClosed(long sprintId, List<Long> storyIds) {
}
