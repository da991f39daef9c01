package dev.agentteam.orchestrator.backlog;

import java.time.Instant;

/** An epic; {@code refinementError} says why the PO's refinement failed for good (status REFINEMENT_FAILED). */
public record EpicView(long id, String title, String description, long ownerId, Long repositoryId, EpicStatus status,
                       Instant createdAt, Instant refinedAt, Instant doneAt, String refinementError) {
}
