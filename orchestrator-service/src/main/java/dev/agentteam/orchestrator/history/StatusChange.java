package dev.agentteam.orchestrator.history;

import java.time.Instant;

/** One recorded change: {@code from} is null for the first status of a new entity. */
public record StatusChange(long id, Subject subject, long subjectId, String from, String to, Instant at, Long userId,
                           Long taskId, String reason) {
}
