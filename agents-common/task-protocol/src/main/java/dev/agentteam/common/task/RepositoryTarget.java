package dev.agentteam.common.task;

/** The repository a code task works on, as every such payload carries it ({@code repository}). */
public record RepositoryTarget(Long id, String name, String cloneUrl, String forge, String fullName, String defaultBranch,
                               String testCommand) {
}
