package dev.agentteam.orchestrator.webhook;

import dev.agentteam.orchestrator.pullrequest.HostedPullRequests;
import dev.agentteam.orchestrator.pullrequest.PullRequestView;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static dev.agentteam.orchestrator.webhook.GitHubPayloads.ciState;
import static dev.agentteam.orchestrator.webhook.GitHubPayloads.repo;
import static dev.agentteam.orchestrator.webhook.GitHubPayloads.text;

/**
 * check_run, check_suite and workflow_run: the CI status of the open pull requests whose head commit they ran on.
 * A suite or workflow run is the verdict on a commit. A single check run can only make it worse: a failing run
 * fails the pull request at once, a passing one is recorded and waits for its suite, since other runs may still be
 * going. The pull request's CI status combines the latest result of every context on the head commit (issue 13: it
 * was the last event's), and neutral or skipped conclusions never count as a pass.
 */
@Component
class CiEventHandler {

    private final HostedPullRequests pullRequests;

    CiEventHandler(HostedPullRequests pullRequests) {
        this.pullRequests = pullRequests;
    }

    String checkRun(String action, JsonNode payload) {
        JsonNode run = payload.path("check_run");
        String state = ciState(text(run, "status"), text(run, "conclusion"));
        if ("SUCCESS".equals(state)) {
            apply("check run", action, payload, run, text(run, "name"), state, url(run), false);
            return "check run " + text(run, "name") + " passed on " + text(run, "head_sha")
                    + "; recorded, the check suite decides the CI status";
        }
        return apply("check run", action, payload, run, text(run, "name"), state, url(run), true);
    }

    String checkSuite(String action, JsonNode payload) {
        JsonNode suite = payload.path("check_suite");
        String name = text(suite.path("app"), "name");
        return apply("check suite", action, payload, suite, name == null ? "check suite" : name,
                ciState(text(suite, "status"), text(suite, "conclusion")), text(suite, "url"), true);
    }

    String workflowRun(String action, JsonNode payload) {
        JsonNode run = payload.path("workflow_run");
        return apply("workflow run", action, payload, run, text(run, "name"),
                ciState(text(run, "status"), text(run, "conclusion")), text(run, "html_url"), true);
    }

    private String apply(String what, String action, JsonNode payload, JsonNode run, String context, String state,
            String url, boolean decides) {
        String sha = text(run, "head_sha");
        String repo = repo(payload);
        if (sha == null || repo == null) {
            return "ignored: " + what + " without head_sha or repository";
        }
        if (state == null) {
            return "ignored: " + what + " " + context + " (" + action + ", conclusion " + text(run, "conclusion")
                    + ") says nothing about " + sha;
        }
        List<PullRequestView> prs = pullRequests.ciReported(repo, sha, context == null ? what : context, state, url,
                decides);
        return what + " " + context + " " + state + " on " + sha + "; pull requests with CI " + state + ": "
                + prs.stream().map(pr -> "#" + pr.number()).toList();
    }

    private static String url(JsonNode run) {
        String html = text(run, "html_url");
        return html != null ? html : text(run, "details_url");
    }
}
