package dev.agentteam.orchestrator.pullrequest;

import dev.agentteam.orchestrator.history.Transitions;

import java.util.Set;

/**
 * The life of a pull request: OPEN → MERGED | CLOSED, CLOSED → OPEN (reopened); MERGED is final. Only
 * {@link PullRequestLifecycle} applies a move.
 */
public enum PullRequestStatus {
    OPEN, MERGED, CLOSED;

    private static final Transitions<PullRequestStatus> TABLE = Transitions.of(PullRequestStatus.class)
            .allow(OPEN, MERGED, CLOSED)
            .allow(CLOSED, OPEN);

    public boolean canMoveTo(PullRequestStatus next) {
        return TABLE.allows(this, next);
    }

    public Set<PullRequestStatus> next() {
        return TABLE.next(this);
    }
}
