package dev.agentteam.orchestrator.backlog;

import dev.agentteam.orchestrator.history.Transitions;

import java.util.Set;

/**
 * The life of an epic: the PO refines it into stories (asking a human when unsure), then the team builds it.
 * REFINEMENT_FAILED: the refinement task ended for good (its reason is on the epic); a re-queued task may still refine it.
 * IN_PROGRESS when its first story starts, DONE when every story is DONE or CANCELLED (a story added later, once
 * started, takes it back to IN_PROGRESS).
 */
public enum EpicStatus {
    NEW, REFINING, CLARIFYING, REFINED, REFINEMENT_FAILED, IN_PROGRESS, DONE, CANCELLED;

    private static final Transitions<EpicStatus> TABLE = Transitions.of(EpicStatus.class)
            .allow(NEW, REFINING, CANCELLED)
            .allow(REFINING, CLARIFYING, REFINED, REFINEMENT_FAILED, CANCELLED)
            .allow(CLARIFYING, REFINING, REFINED, REFINEMENT_FAILED, CANCELLED)
            .allow(REFINEMENT_FAILED, REFINING, REFINED, CANCELLED)
            .allow(REFINED, IN_PROGRESS, DONE, CANCELLED)
            .allow(IN_PROGRESS, DONE, CANCELLED)
            .allow(DONE, IN_PROGRESS);

    public boolean canMoveTo(EpicStatus next) {
        return TABLE.allows(this, next);
    }

    public Set<EpicStatus> next() {
        return TABLE.next(this);
    }
}
