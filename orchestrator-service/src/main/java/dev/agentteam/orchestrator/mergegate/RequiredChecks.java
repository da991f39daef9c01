package dev.agentteam.orchestrator.mergegate;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.agentteam.common.task.QualityCommands;
import dev.agentteam.orchestrator.pullrequest.PullRequestDetails;
import dev.agentteam.orchestrator.pullrequest.PullRequestView;
import dev.agentteam.orchestrator.pullrequest.PullRequests;
import dev.agentteam.orchestrator.coderepository.Repositories;
import dev.agentteam.orchestrator.coderepository.RepositoryView;

/**
 * The Definition-of-Done checks a repository requires ({@code required_checks}: lint, coverage, security): each
 * must have reported success as {@code agent-team/<check>} on the head commit. The checks it does not require
 * inform the pull request's checklist but never block a merge (docs/adr/definition-of-done.md).
 */
@Component
class RequiredChecks {

    private static final String PREFIX = "agent-team/";

    private final PullRequests pullRequests;
    private final Repositories repositories;

    RequiredChecks(PullRequests pullRequests, Repositories repositories) {
        this.pullRequests = pullRequests;
        this.repositories = repositories;
    }

    /** A quality check's status: judged by this rule (when required), not as CI. */
    static boolean isQualityContext(String context) {
        return context != null && context.startsWith(PREFIX)
                && QualityCommands.CHECKS.contains(context.substring(PREFIX.length()));
    }

    List<String> required(PullRequestView pr) {
        return pr.repositoryId() == null ? List.of() : repositories.find(pr.repositoryId())
                .map(RepositoryView::quality).map(QualityCommands::requiredChecks).orElse(List.of());
    }

    /** Why the required checks do not allow a merge yet; empty when every one is green on the head commit. */
    Optional<String> problem(PullRequestView pr) {
        List<String> required = required(pr);
        if (required.isEmpty()) {
            return Optional.empty();
        }
        List<PullRequestDetails.Status> statuses = pullRequests.details(pr.id()).map(PullRequestDetails::statuses)
                .orElse(List.of());
        List<String> notGreen = required.stream().map(check -> statuses.stream()
                        .filter(status -> (PREFIX + check).equals(status.context())).findFirst()
                        .map(status -> "SUCCESS".equals(status.state()) ? "" : check + " is " + status.state())
                        .orElse(check + " has not reported")).filter(problem -> !problem.isEmpty()).toList();
        return notGreen.isEmpty() ? Optional.empty() : Optional.of("Required checks are not green on the head commit "
                + "of pull request " + pr.id() + ": " + String.join(", ", notGreen) + ".");
    }
}
