package dev.agentteam.orchestrator.backlog;

/** The life of an epic: the PO refines it into stories (asking a human when unsure), then the team builds it. */
public enum EpicStatus {
    NEW, REFINING, CLARIFYING, REFINED, IN_PROGRESS, DONE, CANCELLED
}
