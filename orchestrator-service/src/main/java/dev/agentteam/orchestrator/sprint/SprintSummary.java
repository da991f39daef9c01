package dev.agentteam.orchestrator.sprint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A sprint as other features see it: its dates, capacity and the ids of its stories. */
public record SprintSummary(long id, String name, String goal, LocalDate start, LocalDate end, Integer capacityPoints,
                            SprintStatus status, List<Long> storyIds, Instant createdAt, Instant closedAt) {
}
