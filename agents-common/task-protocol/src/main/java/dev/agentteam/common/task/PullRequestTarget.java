package dev.agentteam.common.task;

/** The pull request a task is about ({@code pull_request}): its head branch and the head commit it concerns. */
public record PullRequestTarget(Long id, Integer number, String head, String headSha, String base, String url) {
}
