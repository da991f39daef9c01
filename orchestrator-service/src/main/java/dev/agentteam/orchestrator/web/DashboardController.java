package dev.agentteam.orchestrator.web;

import dev.agentteam.orchestrator.clarification.ClarificationStatus;
import dev.agentteam.orchestrator.clarification.Clarifications;
import dev.agentteam.orchestrator.pullrequest.PullRequests;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The page a team lead leaves open: what waits for a human, what runs, who is up, how the sprint goes. */
@Controller
class DashboardController {

    private static final int LIST_SIZE = 10;

    private final WebQueries queries;
    private final AgentsStatus agents;
    private final Clarifications clarifications;
    private final PullRequests pullRequests;

    DashboardController(WebQueries queries, AgentsStatus agents, Clarifications clarifications,
                        PullRequests pullRequests) {
        this.queries = queries;
        this.agents = agents;
        this.clarifications = clarifications;
        this.pullRequests = pullRequests;
    }

    @GetMapping("/")
    String dashboard(Model model) {
        fill(model);
        return "dashboard";
    }

    /** The live part of the dashboard, polled by htmx. */
    @GetMapping("/fragments/dashboard")
    String live(Model model) {
        fill(model);
        return "dashboard :: live";
    }

    private void fill(Model model) {
        var roles = agents.roles();
        // Oldest first: the pull request that has waited longest for a human is on top.
        var open = new java.util.ArrayList<>(pullRequests.list("OPEN"));
        java.util.Collections.reverse(open);
        model.addAttribute("pullRequests", open.stream().limit(LIST_SIZE).toList());
        model.addAttribute("pullRequestsTotal", open.size());
        var questions = clarifications.list(ClarificationStatus.OPEN,
                PageRequest.of(0, LIST_SIZE, Sort.by(Sort.Order.asc("askedAt"), Sort.Order.asc("id"))));
        model.addAttribute("clarifications", questions.getContent());
        model.addAttribute("clarificationsTotal", questions.getTotalElements());
        model.addAttribute("activeTasks", queries.activeTasks(LIST_SIZE * 2));
        model.addAttribute("roles", roles);
        model.addAttribute("workersUp", roles.stream().mapToInt(role -> role.workers().size()).sum());
        model.addAttribute("pendingTotal", roles.stream().mapToLong(AgentsStatus.RoleStatus::pending).sum());
        model.addAttribute("sprint", queries.currentSprint().orElse(null));
    }
}
