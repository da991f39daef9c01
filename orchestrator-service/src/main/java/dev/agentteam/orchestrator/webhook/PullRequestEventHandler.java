package dev.agentteam.orchestrator.webhook;

import dev.agentteam.orchestrator.pullrequest.HostedPullRequests;
import dev.agentteam.orchestrator.pullrequest.PullRequestView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Locale;

import static dev.agentteam.orchestrator.webhook.GitHubPayloads.number;
import static dev.agentteam.orchestrator.webhook.GitHubPayloads.repo;
import static dev.agentteam.orchestrator.webhook.GitHubPayloads.snapshot;
import static dev.agentteam.orchestrator.webhook.GitHubPayloads.text;

/** pull_request, pull_request_review, pull_request_review_comment and push: the pull request records. */
@Component
class PullRequestEventHandler {

    /** Whose GitHub reviews count: people with a role in the repository, not any GitHub user. */
    private static final java.util.Set<String> TRUSTED_REVIEWERS = java.util.Set.of("OWNER", "MEMBER", "COLLABORATOR");

    private final HostedPullRequests pullRequests;
    private final ApplicationEventPublisher events;

    PullRequestEventHandler(HostedPullRequests pullRequests, ApplicationEventPublisher events) {
        this.pullRequests = pullRequests;
        this.events = events;
    }

    String pullRequest(String action, JsonNode payload) {
        JsonNode pr = payload.path("pull_request");
        HostedPullRequests.Snapshot snapshot = snapshot(repo(payload), pr);
        String name = "pull request " + snapshot.repo() + "#" + snapshot.number();
        return switch (String.valueOf(action)) {
            case "opened", "reopened" -> name + " is " + pullRequests.opened(snapshot).status();
            case "synchronize" -> name + " head is now " + pullRequests.synchronize(snapshot).headSha();
            case "edited" -> name + " title and description updated (" + pullRequests.synchronize(snapshot).title() + ")";
            case "closed" -> {
                boolean merged = pr.path("merged").asBoolean(false);
                yield name + " is " + pullRequests.closed(snapshot, merged, text(pr, "merge_commit_sha")).status();
            }
            default -> "ignored: pull_request action " + action + " is not handled";
        };
    }

    String review(String action, JsonNode payload) {
        HostedPullRequests.Snapshot snapshot = snapshot(repo(payload), payload.path("pull_request"));
        JsonNode review = payload.path("review");
        String author = text(review.path("user"), "login");
        String name = "pull request " + snapshot.repo() + "#" + snapshot.number();
        if ("dismissed".equals(action)) {
            return name + " review by " + author + " dismissed; review is "
                    + pullRequests.reviewed(snapshot, null, null, author, null).reviewStatus();
        }
        if (!"submitted".equals(action)) {
            return "ignored: pull_request_review action " + action + " is not handled";
        }
        String state = text(review, "state");
        String verdict = switch (state == null ? "" : state.toLowerCase(Locale.ROOT)) {
            case "approved" -> "APPROVED";
            case "changes_requested" -> "CHANGES_REQUESTED";
            case "commented" -> "COMMENTED";
            default -> null;
        };
        if (verdict == null) {
            return "ignored: review state " + state + " is not a verdict";
        }
        String association = text(review, "author_association");
        if (!TRUSTED_REVIEWERS.contains(association == null ? "" : association)) {
            // Anyone on GitHub may submit a review: it is kept as a comment and decides nothing.
            PullRequestView pr = pullRequests.find(snapshot.repo(), snapshot.number())
                    .orElseGet(() -> pullRequests.synchronize(snapshot));
            pullRequests.commented(pr, author, text(review, "body"), null, null, text(review, "commit_id"));
            return name + " review by " + author + " (" + association + ", not a collaborator) recorded as a comment; "
                    + "review is still " + pr.reviewStatus();
        }
        PullRequestView now = pullRequests.reviewed(snapshot, verdict, text(review, "commit_id"), author,
                text(review, "body"));
        return name + " reviewed by " + author + " (" + verdict + "); review is " + now.reviewStatus();
    }

    String reviewComment(String action, JsonNode payload) {
        HostedPullRequests.Snapshot snapshot = snapshot(repo(payload), payload.path("pull_request"));
        if (!"created".equals(action)) {
            return "ignored: pull_request_review_comment action " + action + " is not handled";
        }
        JsonNode comment = payload.path("comment");
        Integer line = number(comment, "line") != null ? number(comment, "line") : number(comment, "original_line");
        String path = line == null ? null : text(comment, "path");
        PullRequestView pr = pullRequests.find(snapshot.repo(), snapshot.number())
                .orElseGet(() -> pullRequests.synchronize(snapshot));
        String author = text(comment.path("user"), "login");
        pullRequests.commented(pr, author, text(comment, "body"), path, line, text(comment, "commit_id"));
        return "comment by " + author + " on " + (path == null ? "" : path + ":" + line + " of ") + "pull request "
                + pr.repo() + "#" + pr.number() + " recorded";
    }

    String push(JsonNode payload) {
        String ref = text(payload, "ref");
        String after = text(payload, "after");
        String repo = repo(payload);
        if (ref == null || !ref.startsWith("refs/heads/") || repo == null || after == null) {
            return "ignored: push to " + ref + " is not a branch push";
        }
        String branch = ref.substring("refs/heads/".length());
        if (payload.path("deleted").asBoolean(false)) {
            return "branch " + branch + " of " + repo + " deleted; GitHub reports the closed pull request itself";
        }
        List<PullRequestView> moved = pullRequests.pushed(repo, branch, after);
        events.publishEvent(new BranchPushReceived(repo, branch, after));
        return "push to " + repo + " " + branch + " at " + after + "; open pull requests moved: "
                + moved.stream().map(pr -> "#" + pr.number()).toList();
    }
}
