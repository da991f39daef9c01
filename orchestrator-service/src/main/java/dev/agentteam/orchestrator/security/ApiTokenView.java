package dev.agentteam.orchestrator.security;

import java.time.Instant;

/** An API token as listed: never the token itself, only its first characters ({@code hint}). */
public record ApiTokenView(long id, long userId, String name, String hint, Instant createdAt, Instant expiresAt,
        Instant lastUsedAt, Instant revokedAt) {

    public boolean active(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
