package dev.agentteam.orchestrator.pullrequest;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.agentteam.orchestrator.api.ApiProblems;
import dev.agentteam.orchestrator.history.StatusChange;
import dev.agentteam.orchestrator.coderepository.Repositories;
import dev.agentteam.orchestrator.coderepository.RepositoryView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/pull-requests")
@Tag(name = "Pull requests", description = "Pull requests with their diff, conversation and CI results")
class PullRequestController {

    private static final Set<String> STATUSES = Set.of("OPEN", "MERGED", "CLOSED");

    private final PullRequests pullRequests;
    private final Repositories repositories;

    PullRequestController(PullRequests pullRequests, Repositories repositories) {
        this.pullRequests = pullRequests;
        this.repositories = repositories;
    }

    @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(summary = "Pull requests, newest first (at most 500)")
    List<PullRequestView> list(@Parameter(description = "open, merged or closed")
            @RequestParam(name = "status", required = false) String status) {
        String normalized = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        if (normalized != null && !STATUSES.contains(normalized)) {
            throw ApiProblems.badRequest("status must be open, merged or closed, got '" + status + "'.");
        }
        return pullRequests.list(normalized);
    }

    @GetMapping(path = "/{id}", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(summary = "A pull request with its comments, labels and the latest CI results on its head")
    PullRequestDetails get(@PathVariable("id") long id) {
        return pullRequests.details(id).orElseThrow(() -> ApiProblems.notFound("pull request", id));
    }

    @GetMapping(path = "/{id}/history", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(summary = "A pull request's status changes, oldest first", description = "OPEN, MERGED, CLOSED with when "
            + "and who (user_id) or why (reason). Unknown id → 404.")
    List<StatusChange> history(@PathVariable("id") long id) {
        pullRequests.find(id).orElseThrow(() -> ApiProblems.notFound("pull request", id));
        return pullRequests.history(id);
    }

    @GetMapping(path = "/{id}/diff", produces = {MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(summary = "The unified diff base...head (text/plain)")
    String diff(@PathVariable("id") long id) {
        PullRequestView pr = pullRequests.find(id).orElseThrow(() -> ApiProblems.notFound("pull request", id));
        RepositoryView repository = (pr.repositoryId() == null ? null : repositories.find(pr.repositoryId()).orElse(null));
        if (repository == null || repository.forge() != dev.agentteam.orchestrator.coderepository.ForgeType.EMBEDDED) {
            throw ApiProblems.conflict("Pull request " + id + " is not on the embedded forge; see it on its forge.");
        }
        return pullRequests.diff(id, repository.name()).orElseThrow(() -> ApiProblems.notFound("pull request", id));
    }
}
