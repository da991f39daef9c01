package dev.agentteam.orchestrator.backlog;

/** A command to submit an epic for refinement by the PO agent. */
public record NewEpic(String title, String description, long ownerId, Long repositoryId) {
}
