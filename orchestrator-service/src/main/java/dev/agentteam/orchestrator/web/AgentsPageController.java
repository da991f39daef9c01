package dev.agentteam.orchestrator.web;

import dev.agentteam.orchestrator.events.EventPublications;
import dev.agentteam.orchestrator.task.TaskView;
import dev.agentteam.orchestrator.task.Tasks;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Workers with their heartbeats, queue lengths per role, the dead letters with a re-queue action, and the event
 * reactions still owed (incomplete publications of the event registry).
 */
@Controller
class AgentsPageController {

    private static final int DEAD_LETTERS_SHOWN = 50;
    private static final int INCOMPLETE_EVENTS_SHOWN = 50;

    private final AgentsStatus agents;
    private final Tasks tasks;
    private final EventPublications events;

    AgentsPageController(AgentsStatus agents, Tasks tasks, EventPublications events) {
        this.agents = agents;
        this.tasks = tasks;
        this.events = events;
    }

    @GetMapping("/agents")
    String agents(Model model) {
        model.addAttribute("roles", agents.roles());
        model.addAttribute("deadLetters", agents.deadLetters(DEAD_LETTERS_SHOWN));
        model.addAttribute("incompleteEventCount", events.incompleteCount());
        model.addAttribute("incompleteEvents", events.incomplete(INCOMPLETE_EVENTS_SHOWN));
        return "agents";
    }

    @GetMapping("/fragments/agents")
    String live(Model model) {
        model.addAttribute("roles", agents.roles());
        return "agents :: live";
    }

    @PostMapping("/agents/dead-letters/{taskId}/requeue")
    String requeue(@PathVariable("taskId") long taskId, RedirectAttributes redirect) {
        if (tasks.find(taskId).isEmpty()) {
            throw new PageNotFoundException("task", taskId);
        }
        TaskView task = tasks.requeueDead(taskId);
        redirect.addFlashAttribute("notice", "Task #" + task.id() + " is queued again for " + task.assignedTo()
                + " (attempt " + (task.attemptCount() + 1) + " of " + task.maxAttempts() + ").");
        return "redirect:/agents";
    }
}
