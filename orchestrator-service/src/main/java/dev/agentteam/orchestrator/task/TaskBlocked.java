package dev.agentteam.orchestrator.task;

import java.util.List;

/** Published when an agent asked a human (CLARIFY) and the task waits for the answer. */
public record TaskBlocked(long taskId, String type, Long epicId, Long storyId, List<String> questions) {
}
