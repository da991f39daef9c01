package dev.agentteam.orchestrator.user;

import java.time.Instant;

/** What a password login needs to know about a user. */
public record Credentials(UserView user, String passwordHash, int failedLoginCount, Instant lockedUntil) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
