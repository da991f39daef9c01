package dev.agentteam.orchestrator.coderepository;

/** A repository was registered (an embedded one with its first content already in the forge). */
public record RepositoryRegistered(long repositoryId, String name) {
}
