package dev.agentteam.orchestrator.web;

import dev.agentteam.orchestrator.audit.AuditTrail;
import dev.agentteam.orchestrator.audit.TrajectoryStep;
import dev.agentteam.orchestrator.backlog.Epics;
import dev.agentteam.orchestrator.backlog.Stories;
import dev.agentteam.orchestrator.backlog.StoryView;
import dev.agentteam.orchestrator.pullrequest.PullRequests;
import dev.agentteam.orchestrator.task.TaskView;
import dev.agentteam.orchestrator.task.Tasks;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/** A task's status timeline and the agent's trajectory, live while it works; a story with its tasks. */
@Controller
class TaskPageController {

    /** Steps per page load or poll; a long trajectory fills in over a few polls instead of one huge response. */
    static final int STEPS_PER_LOAD = 200;

    private final Tasks tasks;
    private final Stories stories;
    private final Epics epics;
    private final AuditTrail audit;
    private final PullRequests pullRequests;

    TaskPageController(Tasks tasks, Stories stories, Epics epics, AuditTrail audit, PullRequests pullRequests) {
        this.tasks = tasks;
        this.stories = stories;
        this.epics = epics;
        this.audit = audit;
        this.pullRequests = pullRequests;
    }

    @GetMapping("/tasks/{id}")
    String task(@PathVariable("id") long id, Model model) {
        TaskView task = tasks.find(id).orElseThrow(() -> new PageNotFoundException("task", id));
        List<TrajectoryStep> steps = audit.trajectory(id, 0, STEPS_PER_LOAD);
        model.addAttribute("task", task);
        model.addAttribute("steps", steps);
        model.addAttribute("firstNumber", 1);
        model.addAttribute("story", task.storyId() == null ? null : story(task.storyId()));
        model.addAttribute("epic", task.epicId() == null ? null : epics.find(task.epicId()).orElse(null));
        live(task, steps, 0, model);
        return "task";
    }

    /**
     * What changed since the page last asked: new trajectory steps (appended), the status and the timeline
     * (replaced), and the poller itself with the new last id.
     */
    @GetMapping("/tasks/{id}/live")
    String liveUpdate(@PathVariable("id") long id, @RequestParam(name = "after", defaultValue = "0") long after,
                      @RequestParam(name = "shown", defaultValue = "0") int shown, Model model) {
        TaskView task = tasks.find(id).orElseThrow(() -> new PageNotFoundException("task", id));
        List<TrajectoryStep> steps = audit.trajectory(id, Math.max(after, 0), STEPS_PER_LOAD);
        model.addAttribute("task", task);
        model.addAttribute("steps", steps);
        model.addAttribute("firstNumber", Math.max(shown, 0) + 1);
        live(task, steps, after, model);
        return "task-live";
    }

    @GetMapping("/stories/{id}")
    String story(@PathVariable("id") long id, Model model) {
        fillStory(id, model);
        return "story";
    }

    /** The story page's live part, refreshed when the story, its tasks or its pull requests change. */
    @GetMapping("/fragments/stories/{id}")
    String storyLive(@PathVariable("id") long id, Model model) {
        fillStory(id, model);
        return "story :: live";
    }

    private void fillStory(long id, Model model) {
        StoryView story = story(id);
        List<TaskView> storyTasks = tasks.forStory(id);
        model.addAttribute("story", story);
        model.addAttribute("epic", epics.find(story.epicId()).orElse(null));
        model.addAttribute("tasks", storyTasks);
        model.addAttribute("pullRequests", pullRequests.list(null).stream()
                .filter(pr -> Long.valueOf(id).equals(pr.storyId())).toList());
        model.addAttribute("timelines", storyTasks.stream().collect(java.util.stream.Collectors.toMap(
                TaskView::id, task -> audit.timeline(task.id()), (a, b) -> a, java.util.LinkedHashMap::new)));
    }

    private StoryView story(long id) {
        return stories.find(List.of(id)).stream().findFirst().orElseThrow(() -> new PageNotFoundException("story", id));
    }

    private void live(TaskView task, List<TrajectoryStep> steps, long after, Model model) {
        long lastId = steps.isEmpty() ? after : steps.get(steps.size() - 1).id();
        model.addAttribute("lastId", lastId);
        model.addAttribute("timeline", audit.timeline(task.id()));
        // A finished task gets no new steps; it keeps polling only while a step may still be written.
        model.addAttribute("polling", !task.ended());
        model.addAttribute("spend", audit.totals(task.id()));
    }
}
