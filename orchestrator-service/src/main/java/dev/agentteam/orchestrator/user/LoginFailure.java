package dev.agentteam.orchestrator.user;

import java.time.Instant;

/** The state after a failed login: how many failures in a row, and the lock it caused (null if none). */
public record LoginFailure(int failedLoginCount, Instant lockedUntil) {
}
