package dev.agentteam.orchestrator.mergegate;

import java.time.Instant;

/** A recorded decision on a pull request: who, when, APPROVED or REJECTED, on which head commit. */
public record ApprovalView(long id, long pullRequestId, long userId, String userName, String decision, String comment,
        String headSha, Instant createdAt) {
}
