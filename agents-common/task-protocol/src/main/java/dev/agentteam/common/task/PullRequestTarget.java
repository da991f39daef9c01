package dev.agentteam.common.task;

/**
 * The pull request a task is about ({@code pull_request}): its head branch and the head commit it concerns. The
 * readings every agent applies to it live here, once.
 */
public record PullRequestTarget(Long id, Integer number, String head, String headSha, String base, String url) {

    /** The branch a pull request targets when the payload names none. */
    public static final String DEFAULT_BASE = "main";

    /** @throws InvalidPayloadException unless {@code head_sha} is a full commit id (40 lower-case hex characters) */
    public String validHeadSha() {
        return TaskPayloads.commitId(headSha, "pull_request.head_sha");
    }

    /** The base branch, {@value #DEFAULT_BASE} when the payload names none. */
    public String baseOrDefault() {
        return base == null ? DEFAULT_BASE : base;
    }

    /** The head branch, empty when the payload names none (GitHub's payloads may carry only the commit). */
    public String headOrEmpty() {
        return head == null ? "" : head;
    }
}
