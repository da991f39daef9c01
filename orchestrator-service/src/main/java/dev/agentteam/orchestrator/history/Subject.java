package dev.agentteam.orchestrator.history;

/** The things whose status changes are recorded in {@code status_changes}. */
public enum Subject {
    STORY, EPIC, PULL_REQUEST
}
