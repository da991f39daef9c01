package dev.agentteam.orchestrator.backlog;

/**
 * The life of an epic: the PO refines it into stories (asking a human when unsure), then the team builds it.
 * REFINEMENT_FAILED: the refinement task ended for good (its reason is on the epic); a re-queued task may still refine it.
 */
public enum EpicStatus {
    NEW, REFINING, CLARIFYING, REFINED, REFINEMENT_FAILED, IN_PROGRESS, DONE, CANCELLED
}
