package dev.agentteam.orchestrator.sprint;

import java.time.Instant;

/**
 * An improvement a retrospective agreed on, kept in the backlog until a person marks it DONE or DISMISSED.
 * {@code sprintId} raised it first; {@code lastSprintId} and {@code timesRaised} show it came up again.
 */
public record RetroAction(long id, long sprintId, long lastSprintId, Long taskId, String text, int timesRaised,
                          String status, Instant createdAt, Instant closedAt, Long closedBy) {
}
