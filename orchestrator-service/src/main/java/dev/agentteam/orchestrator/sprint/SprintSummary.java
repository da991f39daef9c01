package dev.agentteam.orchestrator.sprint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A sprint as other features see it: its dates, capacity, the ids of its stories and, once written, its computed
 * plan (selected and skipped stories with reasons), the Scrum agent's planning narrative and its retrospective.
 */
public record SprintSummary(long id, String name, String goal, LocalDate start, LocalDate end, Integer capacityPoints,
                            SprintStatus status, List<Long> storyIds, Instant createdAt, Instant startedAt,
                            Instant closedAt, Map<String, Object> plan, String planRationale, Long planTaskId,
                            Map<String, Object> retro, Long retroTaskId) {
}
