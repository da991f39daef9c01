package dev.agentteam.orchestrator.clarification;

/** Published when a person answered an agent's questions and the task was queued again with the answers. */
public record ClarificationAnswered(long clarificationId, long taskId, String taskType, Long epicId, Long storyId) {
}
