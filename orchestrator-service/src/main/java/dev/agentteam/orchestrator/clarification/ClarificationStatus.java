package dev.agentteam.orchestrator.clarification;

/** OPEN until a person answers (ANSWERED); CANCELLED when its task no longer needs the answer. */
public enum ClarificationStatus {
    OPEN, ANSWERED, CANCELLED
}
