package dev.agentteam.common.codehost;

/**
 * @param defaultBranch where story branches start and pull requests go
 * @param cloneUrl      HTTPS clone URL (for {@code GitWorkspaces})
 * @param webUrl        the repository page for people
 */
public record RepositoryInfo(RepositoryRef ref, String defaultBranch, String cloneUrl, String webUrl, boolean privateRepository) {
}
