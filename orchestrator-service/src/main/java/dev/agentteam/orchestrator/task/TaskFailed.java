package dev.agentteam.orchestrator.task;

/** Published when a task ended for good (DEAD) with its last error. */
public record TaskFailed(long taskId, String type, Long epicId, Long storyId, String error) {
}
