package dev.agentteam.orchestrator.audit;

import java.time.Instant;

/** One status change of a task; {@code from} is null for its creation. */
public record TimelineEntry(long id, String from, String to, int attempt, String reason, Instant at) {
}
