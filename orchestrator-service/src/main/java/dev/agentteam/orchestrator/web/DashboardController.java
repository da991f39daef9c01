package dev.agentteam.orchestrator.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The page a team lead leaves open: what waits for a human, what runs, who is up, how the sprint goes. */
@Controller
class DashboardController {

    private static final int LIST_SIZE = 10;

    private final WebQueries queries;
    private final AgentsStatus agents;

    DashboardController(WebQueries queries, AgentsStatus agents) {
        this.queries = queries;
        this.agents = agents;
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
        model.addAttribute("pullRequests", queries.openPullRequests(LIST_SIZE));
        model.addAttribute("clarifications", queries.openClarifications(LIST_SIZE));
        model.addAttribute("activeTasks", queries.activeTasks(LIST_SIZE * 2));
        model.addAttribute("roles", roles);
        model.addAttribute("workersUp", roles.stream().mapToInt(role -> role.workers().size()).sum());
        model.addAttribute("pendingTotal", roles.stream().mapToLong(AgentsStatus.RoleStatus::pending).sum());
        model.addAttribute("sprint", queries.currentSprint().orElse(null));
    }
}
