package dev.agentteam.orchestrator.sprint;

public enum SprintStatus {
    PLANNED, ACTIVE, CLOSED;

    boolean open() {
        return this != CLOSED;
    }
}
