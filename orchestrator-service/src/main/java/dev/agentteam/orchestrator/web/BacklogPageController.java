package dev.agentteam.orchestrator.web;

import dev.agentteam.orchestrator.backlog.EpicView;
import dev.agentteam.orchestrator.backlog.Epics;
import dev.agentteam.orchestrator.backlog.Stories;
import dev.agentteam.orchestrator.backlog.StoryView;
import dev.agentteam.orchestrator.history.ChangedBy;
import dev.agentteam.orchestrator.coderepository.Repositories;
import dev.agentteam.orchestrator.security.Account;
import dev.agentteam.orchestrator.sprint.RetroActions;
import dev.agentteam.orchestrator.sprint.SprintCommitment;
import dev.agentteam.orchestrator.task.TaskView;
import dev.agentteam.orchestrator.task.Tasks;
import dev.agentteam.orchestrator.user.UserView;
import jakarta.validation.Valid;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Epics with their stories and tasks, and the form that submits a new epic to the PO agent. */
@Controller
class BacklogPageController {

    private static final int PAGE_SIZE = 20;

    private final Epics epics;
    private final Stories stories;
    private final Tasks tasks;
    private final Repositories repositories;
    private final RetroActions retroActions;
    private final SprintCommitment sprints;

    BacklogPageController(Epics epics, Stories stories, Tasks tasks, Repositories repositories,
                          RetroActions retroActions, SprintCommitment sprints) {
        this.epics = epics;
        this.stories = stories;
        this.tasks = tasks;
        this.repositories = repositories;
        this.retroActions = retroActions;
        this.sprints = sprints;
    }

    /** An epic as the page shows it: its stories (each with its tasks) and the tasks on the epic itself. */
    record EpicCard(EpicView epic, List<StoryCard> stories, List<TaskView> epicTasks) {
    }

    record StoryCard(StoryView story, List<TaskView> tasks) {
    }

    @GetMapping("/backlog")
    String backlog(@RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        if (!model.containsAttribute("epicForm")) {
            model.addAttribute("epicForm", new EpicForm());
        }
        fill(Math.max(page, 0), model);
        return "backlog";
    }

    /** The backlog's epics, refreshed when an epic, story or task changes. */
    @GetMapping("/fragments/backlog")
    String backlogLive(@RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        fill(Math.max(page, 0), model);
        return "backlog :: epics";
    }

    @PostMapping("/backlog/epics")
    String create(@Valid @ModelAttribute("epicForm") EpicForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect, Authentication authentication) {
        if (!errors.hasErrors()) {
            try {
                long owner = Account.userOf(authentication).map(UserView::id).orElseThrow();
                EpicView epic = epics.submit(form.toCommand(owner));
                redirect.addFlashAttribute("notice", "Epic #" + epic.id() + " \"" + epic.title()
                        + "\" was submitted; the PO agent is refining it into stories.");
                return "redirect:/backlog";
            } catch (ErrorResponseException refused) {
                // An owner or repository that vanished since the form was shown: say so next to the form.
                errors.reject("refused", Objects.requireNonNullElse(refused.getBody().getDetail(), "The epic was refused."));
            }
        }
        fill(0, model);
        return "backlog";
    }

    @PostMapping("/stories/{id}/accept")
    String accept(@PathVariable("id") long id, Authentication caller, RedirectAttributes redirect) {
        if (stories.find(List.of(id)).isEmpty()) {
            throw new PageNotFoundException("story", id);
        }
        StoryView story = stories.accept(id, person(caller, "accepted"));
        redirect.addFlashAttribute("notice", "Story #" + story.id() + " \"" + story.title() + "\" is READY for planning.");
        return "redirect:/backlog#epic-" + story.epicId();
    }

    static ChangedBy person(Authentication caller, String reason) {
        return ChangedBy.person(Account.userOf(caller).map(UserView::id).orElse(null), reason);
    }

    private void fill(int page, Model model) {
        Page<EpicView> result = epics.list(null,
                PageRequest.of(page, PAGE_SIZE, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))));
        List<EpicView> shown = result.getContent();
        Map<Long, List<StoryView>> byEpic = stories.ofEpics(shown.stream().map(EpicView::id).toList()).stream()
                .collect(Collectors.groupingBy(StoryView::epicId));
        model.addAttribute("epics", shown.stream().map(epic -> card(epic, byEpic.getOrDefault(epic.id(), List.of()))).toList());
        model.addAttribute("page", result);
        model.addAttribute("repositories", repositories.list());
        model.addAttribute("retroActions", retroActions.list("OPEN"));
        model.addAttribute("activeSprint", sprints.active().orElse(null));
    }

    private EpicCard card(EpicView epic, List<StoryView> epicStories) {
        List<TaskView> all = tasks.forEpic(epic.id());
        Map<Long, List<TaskView>> byStory = all.stream().filter(task -> task.storyId() != null)
                .collect(Collectors.groupingBy(TaskView::storyId));
        return new EpicCard(epic,
                epicStories.stream().map(story -> new StoryCard(story, byStory.getOrDefault(story.id(), List.of()))).toList(),
                all.stream().filter(task -> task.storyId() == null).toList());
    }
}
