package dev.agentteam.orchestrator.webhook;

import dev.agentteam.orchestrator.pullrequest.HostedPullRequests;
import tools.jackson.databind.JsonNode;

/** Reads the parts of GitHub's webhook payloads the handlers need; absent or null fields read as null. */
final class GitHubPayloads {

    private GitHubPayloads() {
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asString() : null;
    }

    static Integer number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value.asInt() : null;
    }

    /** The repository's {@code owner/name}. */
    static String repo(JsonNode payload) {
        return text(payload.path("repository"), "full_name");
    }

    static String sender(JsonNode payload) {
        return text(payload.path("sender"), "login");
    }

    /** A {@code pull_request} object (of pull_request, pull_request_review, … payloads) as a snapshot. */
    static HostedPullRequests.Snapshot snapshot(String repo, JsonNode pullRequest) {
        Integer number = number(pullRequest, "number");
        String head = text(pullRequest.path("head"), "ref");
        String base = text(pullRequest.path("base"), "ref");
        if (repo == null || number == null || head == null || base == null) {
            throw new IllegalArgumentException("the payload has no complete pull_request (number, head.ref, base.ref) "
                    + "or no repository.full_name");
        }
        // A pull request from a fork is never linked to a story by its branch name: anyone can name a branch so.
        String headRepo = text(pullRequest.path("head").path("repo"), "full_name");
        boolean fork = headRepo != null && !headRepo.equalsIgnoreCase(repo);
        return new HostedPullRequests.Snapshot(repo, number, text(pullRequest, "title"), text(pullRequest, "body"),
                text(pullRequest, "html_url"), head, base, text(pullRequest.path("head"), "sha"), fork);
    }

    /**
     * The CI state of a check run, check suite or workflow run: RUNNING until it completes, then its conclusion.
     * Null for conclusions that say nothing about the code (stale, neutral, skipped): those never turn CI green.
     */
    static String ciState(String status, String conclusion) {
        if (status != null && !"completed".equals(status)) {
            return "RUNNING";
        }
        if (conclusion == null) {
            return null;
        }
        return switch (conclusion) {
            case "success" -> "SUCCESS";
            case "failure", "timed_out", "action_required", "startup_failure" -> "FAILURE";
            case "cancelled" -> "ERROR";
            default -> null;
        };
    }
}
