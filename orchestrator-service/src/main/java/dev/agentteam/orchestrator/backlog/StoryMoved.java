package dev.agentteam.orchestrator.backlog;

/** A story changed status (published in the transaction that changed it). */
public record StoryMoved(long storyId, long epicId, StoryStatus from, StoryStatus to) {
}
