package dev.agentteam.orchestrator.pullrequest;

import java.time.Instant;

import dev.agentteam.common.task.PullRequestTarget;

/**
 * A pull request as the API and other features see it.
 *
 * @param repo     the repository's {@code owner/name}
 * @param head     the branch with the changes
 * @param status   OPEN, MERGED or CLOSED
 * @param storyId  the story its branch ({@code feature/ISSUE-<id>}) names, if that story exists
 */
public record PullRequestView(long id, Long repositoryId, String repo, int number, String title, String body,
        String head, String base, String headSha, String status, String ciStatus, String reviewStatus, Long storyId,
        String url, Instant createdAt, Instant mergedAt, Instant closedAt) {

    /** The pull request as task payloads carry it ({@code pull_request}). */
    public PullRequestTarget taskTarget() {
        return new PullRequestTarget(id, number, head, headSha, base, url);
    }

    public boolean open() {
        return "OPEN".equals(status);
    }
}
