package dev.agentteam.orchestrator.web;

import dev.agentteam.orchestrator.backlog.Epics;
import dev.agentteam.orchestrator.backlog.Stories;
import dev.agentteam.orchestrator.mergegate.MergeGate;
import dev.agentteam.orchestrator.pullrequest.PullRequestDetails;
import dev.agentteam.orchestrator.pullrequest.PullRequests;
import dev.agentteam.orchestrator.quality.ChangeRoundTasks;
import dev.agentteam.orchestrator.coderepository.Repositories;
import dev.agentteam.orchestrator.coderepository.RepositoryView;
import dev.agentteam.orchestrator.security.Account;
import dev.agentteam.orchestrator.user.UserView;
import dev.agentteam.orchestrator.user.UserAccounts;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Set;

/** Pull requests: the list, and one with its diff, CI results, change rounds, conversation and the merge gate's rules. */
@Controller
class PullRequestPageController {

    private static final Set<String> STATUSES = Set.of("OPEN", "MERGED", "CLOSED");

    private final PullRequests pullRequests;
    private final Repositories repositories;
    private final Stories stories;
    private final Epics epics;
    private final MergeGate mergeGate;
    private final UserAccounts accounts;
    private final ChangeRoundTasks rounds;

    PullRequestPageController(PullRequests pullRequests, Repositories repositories, Stories stories, Epics epics,
                              MergeGate mergeGate, UserAccounts accounts, ChangeRoundTasks rounds) {
        this.rounds = rounds;
        this.pullRequests = pullRequests;
        this.repositories = repositories;
        this.stories = stories;
        this.epics = epics;
        this.mergeGate = mergeGate;
        this.accounts = accounts;
    }

    @GetMapping("/pull-requests")
    String list(@RequestParam(name = "status", defaultValue = "OPEN") String status, Model model) {
        String shown = STATUSES.contains(status.toUpperCase(java.util.Locale.ROOT)) ? status.toUpperCase(java.util.Locale.ROOT) : "ALL";
        model.addAttribute("status", shown);
        model.addAttribute("pullRequests", pullRequests.list("ALL".equals(shown) ? null : shown));
        return "pull-requests";
    }

    @GetMapping("/pull-requests/{id}")
    String pullRequest(@PathVariable("id") long id, Authentication authentication, Model model) {
        fill(id, authentication, model);
        return "pull-request";
    }

    /** The pull request's live part, refreshed when it, its comments, approvals or head commit's checks change. */
    @GetMapping("/fragments/pull-requests/{id}")
    String pullRequestLive(@PathVariable("id") long id, Authentication authentication, Model model) {
        fill(id, authentication, model);
        return "pull-request :: live";
    }

    private void fill(long id, Authentication authentication, Model model) {
        PullRequestDetails details = pullRequests.details(id).orElseThrow(() -> new PageNotFoundException("pull request", id));
        var pr = details.pullRequest();
        var story = pr.storyId() == null ? null : stories.find(List.of(pr.storyId())).stream().findFirst().orElse(null);
        var epic = story == null ? null : epics.find(story.epicId()).orElse(null);
        model.addAttribute("pr", pr);
        model.addAttribute("details", details);
        model.addAttribute("story", story);
        model.addAttribute("epic", epic);
        model.addAttribute("rounds", rounds.of(pr.id(), pr.storyId()));
        // The gate's own rules, for the person looking: the same checks refuse the buttons' requests.
        UserView viewer = Account.userOf(authentication).flatMap(user -> accounts.find(user.id())).orElse(null);
        model.addAttribute("gate", mergeGate.report(id, viewer));
        model.addAttribute("diff", diff(id, pr.repositoryId()));
        model.addAttribute("diffUnavailable", pr.repositoryId() == null ? "This pull request has no registered repository." : null);
    }

    private DiffLines.Diff diff(long id, Long repositoryId) {
        if (repositoryId == null) {
            return DiffLines.parse("");
        }
        String name = repositories.find(repositoryId).map(RepositoryView::name).orElse(null);
        if (name == null) {
            return DiffLines.parse("");
        }
        try {
            return DiffLines.parse(pullRequests.diff(id, name).orElse(""));
        } catch (ErrorResponseException baseGone) {
            return DiffLines.parse("");
        }
    }
}
