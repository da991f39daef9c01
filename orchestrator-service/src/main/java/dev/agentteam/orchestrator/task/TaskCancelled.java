package dev.agentteam.orchestrator.task;

/** Published when a task was cancelled before it ended (its story was cancelled); nothing more happens to it. */
public record TaskCancelled(long taskId, String type, Long epicId, Long storyId, String reason) {
}
