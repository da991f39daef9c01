package dev.agentteam.orchestrator.backlog;

public enum StoryStatus {
    PROPOSED, READY, IN_PROGRESS, IN_REVIEW, DONE, CANCELLED
}
