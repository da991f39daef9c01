package dev.agentteam.common.codehost;

/**
 * @param number  the PR number (issue number on GitHub)
 * @param url     the PR page for people
 * @param headSha the commit at the tip of {@code head} when read
 */
public record PullRequest(int number, String url, String title, String head, String headSha, String base, boolean open) {
}
