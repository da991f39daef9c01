package dev.agentteam.orchestrator.backlog;

/** Published after a story that the team may plan into a sprint was committed. */
public record StoryReady(long storyId, long epicId, Integer estimate, int priority) {
}
