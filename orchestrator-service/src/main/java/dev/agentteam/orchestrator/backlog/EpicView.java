package dev.agentteam.orchestrator.backlog;

import java.time.Instant;

public record EpicView(long id, String title, String description, long ownerId, Long repositoryId, EpicStatus status,
                       Instant createdAt, Instant refinedAt, Instant doneAt) {
}
