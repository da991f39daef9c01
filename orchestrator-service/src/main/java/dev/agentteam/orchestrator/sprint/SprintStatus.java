package dev.agentteam.orchestrator.sprint;

import dev.agentteam.orchestrator.api.ApiProblems;

/** PLANNED → ACTIVE → CLOSED, nothing else. */
public enum SprintStatus {
    PLANNED, ACTIVE, CLOSED;

    boolean open() {
        return this != CLOSED;
    }

    /** A move other than one step forward is a conflict with the sprint's current state (409). */
    void requireNext(SprintStatus next, Long sprintId) {
        if (ordinal() + 1 != next.ordinal()) {
            String verb = next == ACTIVE ? "started" : "closed";
            String allowed = next == ACTIVE ? "only a PLANNED sprint can be started" : "only an ACTIVE sprint can be closed";
            throw ApiProblems.conflict("Sprint " + sprintId + " is " + this + " and cannot be " + verb + ": " + allowed + ".");
        }
    }
}
