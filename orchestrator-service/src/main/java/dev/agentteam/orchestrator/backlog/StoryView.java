package dev.agentteam.orchestrator.backlog;

import java.time.Instant;
import java.util.List;

/**
 * A story as other features and the API see it; {@code estimate} is in story points (1, 2, 3, 5, 8, 13);
 * {@code needsSplit} marks a story the PO could not bring under the split threshold.
 */
public record StoryView(long id, long epicId, String title, String statement, List<AcceptanceCriterion> acceptanceCriteria,
                        Integer estimate, int priority, StoryStatus status, List<Long> dependsOn, Instant createdAt,
                        Instant startedAt, Instant doneAt, boolean needsSplit) {
}
