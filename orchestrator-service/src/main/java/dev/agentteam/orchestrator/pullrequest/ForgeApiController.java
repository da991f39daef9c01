package dev.agentteam.orchestrator.pullrequest;

import java.util.List;
import java.util.Locale;

import dev.agentteam.common.codehost.InlineComment;
import dev.agentteam.orchestrator.api.ApiProblems;
import dev.agentteam.orchestrator.forge.ForgeCaller;
import dev.agentteam.orchestrator.forge.ForgeStorage;
import dev.agentteam.orchestrator.forge.ForgeUrls;
import dev.agentteam.orchestrator.pullrequest.ForgeApiRequests.ForgePull;
import dev.agentteam.orchestrator.pullrequest.ForgeApiRequests.ForgeRepository;
import dev.agentteam.orchestrator.coderepository.ForgeType;
import dev.agentteam.orchestrator.coderepository.Repositories;
import dev.agentteam.orchestrator.coderepository.RepositoryView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The embedded forge's API for agents (token-authenticated; mirrors the {@code CodeHost} port). Merging is
 * refused to agent tokens: only the admin token (the merge gate acting on a person's approval) may merge.
 */
@RestController
@RequestMapping(path = "/api/forge/repos/{owner}/{name}", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@Tag(name = "Forge", description = "The embedded forge for agents (forge token as Bearer or Basic password)")
class ForgeApiController {

    private final Repositories repositories;
    private final PullRequests pullRequests;
    private final PullRequestFeedback feedback;
    private final ForgeGit git;
    private final ForgeStorage storage;
    private final ForgeUrls urls;

    ForgeApiController(Repositories repositories, PullRequests pullRequests, PullRequestFeedback feedback, ForgeGit git,
            ForgeStorage storage, ForgeUrls urls) {
        this.repositories = repositories;
        this.pullRequests = pullRequests;
        this.feedback = feedback;
        this.git = git;
        this.storage = storage;
        this.urls = urls;
    }

    @GetMapping
    @Operation(summary = "The repository and its default branch")
    ForgeRepository repository(@PathVariable("owner") String owner, @PathVariable("name") String name) {
        RepositoryView repository = repository(owner, name, null);
        return new ForgeRepository(repository.fullName(), owner, name, repository.defaultBranch(),
                repository.cloneUrl(), urls.repositoryUrl(repository.id()), true);
    }

    @PostMapping(path = "/branches", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a branch at a commit (200 if it already points there, 409 if elsewhere)")
    ResponseEntity<Void> createBranch(@PathVariable("owner") String owner, @PathVariable("name") String name,
            @RequestAttribute(ForgeCaller.ATTRIBUTE) ForgeCaller caller, @Valid @RequestBody ForgeApiRequests.CreateBranch request) {
        RepositoryView repository = repository(owner, name, null);
        if (!org.eclipse.jgit.lib.Repository.isValidRefName("refs/heads/" + request.branch())) {
            throw ApiProblems.badRequest("'" + request.branch() + "' is not a valid branch name.");
        }
        if (!caller.mayUpdateBranch(request.branch())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Agents may create only feature/* branches.");
        }
        if (!git.isCommit(repository.name(), request.sha())) {
            throw ApiProblems.unprocessable("No commit " + request.sha() + " in " + repository.fullName() + ".");
        }
        boolean created = git.createBranch(repository.name(), request.branch(), request.sha());
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).build();
    }

    @GetMapping("/pulls")
    @Operation(summary = "Open pull requests, optionally only the one for a head branch")
    List<ForgePull> openPulls(@PathVariable("owner") String owner, @PathVariable("name") String name,
            @RequestParam(name = "head", required = false) String head) {
        RepositoryView repository = repository(owner, name, null);
        if (head != null) {
            return pullRequests.findOpen(repository, head).map(ForgePull::of).stream().toList();
        }
        return pullRequests.list("OPEN").stream().filter(pr -> pr.repo().equals(repository.fullName()))
                .map(ForgePull::of).toList();
    }

    @PostMapping(path = "/pulls", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open a pull request (201), or get the one already open for the head (200)")
    ResponseEntity<ForgePull> openPull(@PathVariable("owner") String owner, @PathVariable("name") String name,
            @Valid @RequestBody ForgeApiRequests.OpenPull request) {
        RepositoryView repository = repository(owner, name, null);
        boolean existed = pullRequests.findOpen(repository, request.head()).isPresent();
        PullRequestView pr = pullRequests.open(repository, request.head(), request.base(), request.title().strip(),
                request.body() == null ? "" : request.body());
        return ResponseEntity.status(existed ? HttpStatus.OK : HttpStatus.CREATED).body(ForgePull.of(pr));
    }

    @GetMapping("/pulls/{number}")
    ForgePull pull(@PathVariable("owner") String owner, @PathVariable("name") String name,
            @PathVariable("number") int number) {
        return ForgePull.of(pullRequests.get(repository(owner, name, null), number));
    }

    @PostMapping(path = "/pulls/{number}/comments", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> comment(@PathVariable("owner") String owner, @PathVariable("name") String name,
            @PathVariable("number") int number, @RequestAttribute(ForgeCaller.ATTRIBUTE) ForgeCaller caller,
            @Valid @RequestBody ForgeApiRequests.Comment request) {
        feedback.comment(repository(owner, name, null), number, author(caller), request.body());
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @PostMapping(path = "/pulls/{number}/reviews", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A review: a summary and comments on lines of the head commit's files")
    ResponseEntity<Void> review(@PathVariable("owner") String owner, @PathVariable("name") String name,
            @PathVariable("number") int number, @RequestAttribute(ForgeCaller.ATTRIBUTE) ForgeCaller caller,
            @Valid @RequestBody ForgeApiRequests.Review request) {
        List<InlineComment> comments = request.comments().stream()
                .map(c -> new InlineComment(c.path(), c.line(), c.body())).toList();
        feedback.review(repository(owner, name, null), number, request.commitId(), author(caller), request.summary(),
                comments);
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @PostMapping(path = "/pulls/{number}/labels", consumes = MediaType.APPLICATION_JSON_VALUE)
    List<String> labels(@PathVariable("owner") String owner, @PathVariable("name") String name,
            @PathVariable("number") int number, @Valid @RequestBody ForgeApiRequests.Labels request) {
        return feedback.addLabels(repository(owner, name, null), number, request.labels());
    }

    @PostMapping(path = "/commits/{sha}/{kind:statuses|check-runs}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Report a commit status or a check run on a commit")
    ResponseEntity<Void> report(@PathVariable("owner") String owner, @PathVariable("name") String name,
            @PathVariable("sha") String sha, @PathVariable("kind") String kind,
            @Valid @RequestBody ForgeApiRequests.ReportStatus request) {
        feedback.reportStatus(repository(owner, name, sha), sha, kind(kind), request.context(),
                request.state().toUpperCase(Locale.ROOT), request.description(), request.targetUrl());
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @GetMapping("/commits/{sha}/{kind:statuses|check-runs}")
    @Operation(summary = "The latest commit status (or check run) per context on a commit")
    List<ForgeApiRequests.Status> statuses(@PathVariable("owner") String owner, @PathVariable("name") String name,
            @PathVariable("sha") String sha, @PathVariable("kind") String kind) {
        return feedback.statuses(repository(owner, name, sha), sha, kind(kind)).stream()
                .map(ForgeApiRequests.Status::of).toList();
    }

    @PutMapping(path = "/pulls/{number}/merge", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Refused for every token: merges happen only through the merge gate",
            description = "POST /api/pull-requests/{id}/merge, by a person with the approver role, after another "
                    + "person approved the exact head commit. No forge token — the admin token included — merges.")
    ForgePull merge(@PathVariable("owner") String owner, @PathVariable("name") String name,
            @PathVariable("number") int number) {
        throw new ResponseStatusException(HttpStatus.FORBIDDEN, "No forge token merges: a person merges through the "
                + "merge gate (POST /api/pull-requests/{id}/merge) after another person approved the head commit.");
    }

    private RepositoryView repository(String owner, String name, String sha) {
        if (sha != null && !sha.matches(ForgeApiRequests.SHA)) {
            throw ApiProblems.badRequest("'" + sha + "' is not a 40-character lower-case hex commit id.");
        }
        return repositories.findByName(name)
                .filter(repository -> repository.forge() == ForgeType.EMBEDDED && owner.equals(storage.owner()))
                .filter(repository -> storage.exists(repository.name()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "No repository " + owner + "/" + name + " on the embedded forge."));
    }

    private static String kind(String path) {
        return "check-runs".equals(path) ? "check_run" : "status";
    }

    private static String author(ForgeCaller caller) {
        return caller == ForgeCaller.ADMIN ? "admin" : "agent";
    }
}
