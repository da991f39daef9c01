package dev.agentteam.orchestrator.pullrequest;

import java.time.Instant;
import java.util.List;

/** A pull request with its conversation, labels and the CI results on its head commit. */
public record PullRequestDetails(PullRequestView pullRequest, List<Comment> comments, List<String> labels,
        List<Status> statuses) {

    /** @param kind comment, review (a review's summary) or inline (with path and line) */
    public record Comment(long id, String kind, String author, String body, String path, Integer line,
            String commitSha, Instant createdAt) {
    }

    /** @param kind status or check_run; the latest report per context */
    public record Status(String kind, String context, String state, String description, String targetUrl,
            Instant createdAt) {
    }
}
