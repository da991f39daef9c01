package dev.agentteam.orchestrator.backlog;

import dev.agentteam.orchestrator.history.Transitions;

import java.util.Set;

/**
 * The life of a story, with its one table of allowed moves (only {@link StoryLifecycle} applies them).
 *
 * <pre>
 * PROPOSED → READY (accepted) | IN_REVIEW (a PR for its branch opened) | CANCELLED
 * READY → IN_PROGRESS (dev task created) | IN_REVIEW | DONE (its PR merged) | CANCELLED
 * IN_PROGRESS → IN_REVIEW (PR opened) | READY | BLOCKED (its dev task ended without a PR) | DONE | CANCELLED
 * IN_REVIEW → IN_PROGRESS (a change round) | BLOCKED (rounds exhausted) | DONE | CANCELLED
 * BLOCKED → IN_PROGRESS (a person ran its dev task again) | IN_REVIEW (a person resumed it, or a retried change round
 * succeeded) | DONE (a person merged its pull request) | CANCELLED
 * DONE and CANCELLED are final.
 * </pre>
 */
public enum StoryStatus {
    PROPOSED, READY, IN_PROGRESS, IN_REVIEW, BLOCKED, DONE, CANCELLED;

    private static final Transitions<StoryStatus> TABLE = Transitions.of(StoryStatus.class)
            .allow(PROPOSED, READY, IN_REVIEW, CANCELLED)
            .allow(READY, IN_PROGRESS, IN_REVIEW, DONE, CANCELLED)
            .allow(IN_PROGRESS, IN_REVIEW, READY, BLOCKED, DONE, CANCELLED)
            .allow(IN_REVIEW, IN_PROGRESS, BLOCKED, DONE, CANCELLED)
            .allow(BLOCKED, IN_PROGRESS, IN_REVIEW, DONE, CANCELLED);

    public boolean canMoveTo(StoryStatus next) {
        return TABLE.allows(this, next);
    }

    public Set<StoryStatus> next() {
        return TABLE.next(this);
    }

    public boolean isFinal() {
        return this == DONE || this == CANCELLED;
    }

    /** Work on the story has begun: the moment its epic becomes IN_PROGRESS. */
    boolean started() {
        return this == IN_PROGRESS || this == IN_REVIEW || this == BLOCKED || this == DONE;
    }
}
