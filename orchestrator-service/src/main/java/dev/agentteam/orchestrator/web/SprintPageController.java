package dev.agentteam.orchestrator.web;

import dev.agentteam.orchestrator.backlog.Stories;
import dev.agentteam.orchestrator.backlog.StoryStatus;
import dev.agentteam.orchestrator.backlog.StoryView;
import dev.agentteam.orchestrator.sprint.CapacityPlanning;
import dev.agentteam.orchestrator.sprint.SprintLifecycle;
import dev.agentteam.orchestrator.sprint.SprintPlanning;
import dev.agentteam.orchestrator.sprint.SprintStatus;
import dev.agentteam.orchestrator.task.Tasks;
import dev.agentteam.orchestrator.sprint.SprintSummary;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The sprints, the form to plan one, and each sprint's board (a column per story status). */
@Controller
class SprintPageController {

    /** The board's columns; PROPOSED and CANCELLED stories get their own column only when there are any. */
    private static final List<StoryStatus> COLUMNS = List.of(StoryStatus.READY, StoryStatus.IN_PROGRESS,
            StoryStatus.IN_REVIEW, StoryStatus.DONE);

    private final SprintPlanning planning;
    private final CapacityPlanning capacityPlanning;
    private final SprintLifecycle lifecycle;
    private final Stories stories;
    private final Tasks tasks;
    private final WebQueries queries;

    SprintPageController(SprintPlanning planning, CapacityPlanning capacityPlanning, SprintLifecycle lifecycle,
                         Stories stories, Tasks tasks, WebQueries queries) {
        this.planning = planning;
        this.capacityPlanning = capacityPlanning;
        this.lifecycle = lifecycle;
        this.stories = stories;
        this.tasks = tasks;
        this.queries = queries;
    }

    @GetMapping("/sprints")
    String sprints(Model model) {
        if (!model.containsAttribute("sprintForm")) {
            SprintForm form = new SprintForm();
            form.setStart(LocalDate.now());
            form.setEnd(LocalDate.now().plusDays(13));
            model.addAttribute("sprintForm", form);
        }
        fill(model);
        return "sprints";
    }

    @PostMapping("/sprints")
    String plan(@Valid @ModelAttribute("sprintForm") SprintForm form, BindingResult errors, Model model,
                RedirectAttributes redirect) {
        if (form.getStoryIds().isEmpty() && form.getCapacityPoints() == null && !errors.hasFieldErrors("capacityPoints")) {
            errors.rejectValue("capacityPoints", "needed", "Tick the stories to plan, or give a capacity and the planner picks them.");
        }
        if (!errors.hasErrors()) {
            try {
                // No stories ticked: the capacity planner picks READY stories by priority and explains its choices.
                SprintSummary sprint = form.getStoryIds().isEmpty()
                        ? capacityPlanning.plan(form.toCapacityCommand()).sprint()
                        : planning.plan(form.toCommand());
                redirect.addFlashAttribute("notice", "\"" + sprint.name() + "\" is planned with "
                        + sprint.storyIds().size() + " stories.");
                return "redirect:/sprints/" + sprint.id();
            } catch (ErrorResponseException refused) {
                errors.reject("refused", Objects.requireNonNullElse(refused.getBody().getDetail(), "The plan was refused."));
            }
        }
        fill(model);
        return "sprints";
    }

    @GetMapping("/sprints/{id}")
    String board(@PathVariable("id") long id, Model model) {
        SprintSummary sprint = planning.find(id).orElseThrow(() -> new PageNotFoundException("sprint", id));
        List<StoryView> planned = stories.find(sprint.storyIds());
        Map<StoryStatus, List<StoryView>> columns = new LinkedHashMap<>();
        for (StoryStatus status : StoryStatus.values()) {
            List<StoryView> inColumn = planned.stream().filter(story -> story.status() == status)
                    .sorted(java.util.Comparator.comparingInt(StoryView::priority)).toList();
            if (COLUMNS.contains(status) || !inColumn.isEmpty()) {
                columns.put(status, inColumn);
            }
        }
        model.addAttribute("sprint", sprint);
        model.addAttribute("row", queries.sprint(id).orElse(null));
        model.addAttribute("columns", columns);
        // A closed sprint whose retro task ended without a retro can ask the Scrum agent again.
        model.addAttribute("retroStalled", sprint.status() == SprintStatus.CLOSED && sprint.retro() == null
                && (sprint.retroTaskId() == null || tasks.find(sprint.retroTaskId()).map(task -> task.ended()).orElse(true)));
        return "sprint";
    }

    @PostMapping("/sprints/{id}/start")
    String start(@PathVariable("id") long id, RedirectAttributes redirect) {
        return change(id, redirect, () -> lifecycle.start(id), "started");
    }

    @PostMapping("/sprints/{id}/close")
    String close(@PathVariable("id") long id, RedirectAttributes redirect) {
        return change(id, redirect, () -> lifecycle.close(id), "closed; the Scrum agent is writing the retrospective");
    }

    @PostMapping("/sprints/{id}/retro")
    String retro(@PathVariable("id") long id, RedirectAttributes redirect) {
        return change(id, redirect, () -> lifecycle.requestRetro(id), "waiting for a new retrospective from the Scrum agent");
    }

    private String change(long id, RedirectAttributes redirect, java.util.function.Supplier<SprintSummary> action,
                          String done) {
        if (planning.find(id).isEmpty()) {
            throw new PageNotFoundException("sprint", id);
        }
        try {
            redirect.addFlashAttribute("notice", "\"" + action.get().name() + "\" is " + done + ".");
        } catch (ErrorResponseException refused) {
            redirect.addFlashAttribute("problem", refused.getBody().getDetail());
        }
        return "redirect:/sprints/" + id;
    }

    private void fill(Model model) {
        model.addAttribute("sprints", queries.sprints());
        model.addAttribute("plannable", queries.plannableStories());
    }
}
