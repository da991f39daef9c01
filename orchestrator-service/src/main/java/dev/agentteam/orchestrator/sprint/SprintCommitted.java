package dev.agentteam.orchestrator.sprint;

import java.util.List;

/** Stories were committed to an open sprint after it was planned (by a person, or the autopilot's pull-in). */
public record SprintCommitted(long sprintId, List<Long> storyIds, boolean active) {
}
