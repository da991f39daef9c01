package dev.agentteam.orchestrator.sprint;

import dev.agentteam.common.task.TaskType;
import dev.agentteam.orchestrator.api.ApiProblems;
import dev.agentteam.orchestrator.backlog.Stories;
import dev.agentteam.orchestrator.backlog.StoryView;
import dev.agentteam.orchestrator.task.NewTask;
import dev.agentteam.orchestrator.task.TaskView;
import dev.agentteam.orchestrator.task.Tasks;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans a sprint from the READY backlog within a capacity ({@link CapacityPlanner} decides, with reasons), stores
 * it (PLANNED) with its plan, and asks the Scrum agent for the narrative ({@code scrum.plan_sprint}); the narrative
 * is stored as {@code plan_rationale} when that task succeeds.
 */
@Service
public class CapacityPlanning {

    private final SprintPlanning planning;
    private final SprintRepository sprints;
    private final Stories stories;
    private final Tasks tasks;
    private final Velocity velocity;
    private final JdbcTemplate jdbc;

    CapacityPlanning(SprintPlanning planning, SprintRepository sprints, Stories stories, Tasks tasks, Velocity velocity,
                     JdbcTemplate jdbc) {
        this.planning = planning;
        this.sprints = sprints;
        this.stories = stories;
        this.tasks = tasks;
        this.velocity = velocity;
        this.jdbc = jdbc;
    }

    /** Capacity ≤ 0 or end before start → 400; no READY story fits → 422 listing why each was left out. */
    @Transactional
    public PlannedSprint plan(PlanByCapacity command) {
        // Same lock as manual planning: the candidates read here must still be free when the sprint is inserted.
        jdbc.execute("select pg_advisory_xact_lock(" + SprintPlanning.PLANNING_LOCK + ")");
        SprintPlan plan = preview(command);
        SprintSummary created = planning.plan(new PlanSprint(command.name(), command.goal(), command.start(),
                command.end(), command.capacityPoints(), plan.selectedIds()));
        TaskView narrative = tasks.create(new NewTask(TaskType.SCRUM_PLAN_SPRINT, null, null,
                PlanPayloads.narrativeTask(created, plan, velocity.recent())));
        Sprint sprint = sprints.findById(created.id()).orElseThrow();
        sprint.planned(SprintJson.write(PlanPayloads.plan(plan)), narrative.id());
        return new PlannedSprint(sprints.saveAndFlush(sprint).summary(), plan, narrative.id());
    }

    /** The plan {@link #plan} would make now, with the same checks, without storing anything or asking the agent. */
    @Transactional(readOnly = true)
    public SprintPlan preview(PlanByCapacity command) {
        if (command.capacityPoints() <= 0) {
            throw ApiProblems.badRequest("capacity_points must be greater than 0, was " + command.capacityPoints() + ".");
        }
        SprintPlanning.checkDates(command.start(), command.end());
        // Stories of cancelled epics may still say READY; they are not work anyone wants any more.
        List<Long> ready = jdbc.queryForList("""
                select s.id from stories s join epics e on e.id = s.epic_id
                where s.status = 'READY' and e.status <> 'CANCELLED' order by s.id""", Long.class);
        Map<Long, String> inOpenSprint = openSprints(ready);
        List<StoryView> candidates = stories.find(ready.stream().filter(id -> !inOpenSprint.containsKey(id)).toList());
        Set<Long> candidateIds = new HashSet<>(candidates.stream().map(StoryView::id).toList());
        Set<Long> dependencies = new HashSet<>();
        candidates.forEach(story -> story.dependsOn().stream().filter(id -> !candidateIds.contains(id)).forEach(dependencies::add));
        Map<Long, String> describedSprints = new LinkedHashMap<>(inOpenSprint);
        describedSprints.putAll(openSprints(dependencies));

        SprintPlan computed = CapacityPlanner.plan(command.capacityPoints(), candidates, stories.find(dependencies),
                describedSprints);
        List<SprintPlan.PlannedStory> skipped = new ArrayList<>(computed.skipped());
        stories.find(inOpenSprint.keySet()).forEach(story -> skipped.add(new SprintPlan.PlannedStory(story.id(),
                story.title(), story.priority(), story.estimate(), story.dependsOn(),
                "already in " + inOpenSprint.get(story.id()))));
        SprintPlan plan = new SprintPlan(computed.capacityPoints(), computed.selected(), skipped);
        if (plan.selected().isEmpty()) {
            throw nothingFits(plan);
        }
        return plan;
    }

    /** Story id → "open sprint 4 (\"Sprint 4\")" for those of these stories in a PLANNED or ACTIVE sprint. */
    private Map<Long, String> openSprints(Collection<Long> storyIds) {
        Map<Long, String> found = new LinkedHashMap<>();
        if (!storyIds.isEmpty()) {
            sprints.findOpenMemberships(storyIds).forEach(m -> found.put(m.getStoryId(),
                    "open sprint " + m.getSprintId() + " (\"" + m.getSprintName() + "\")"));
        }
        return found;
    }

    private static ErrorResponseException nothingFits(SprintPlan plan) {
        String detail = plan.skipped().isEmpty()
                ? "There is no READY story to plan: refine an epic or mark stories READY first."
                : "No READY story fits a sprint of " + plan.capacityPoints() + " points; see skipped for each reason.";
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail);
        body.setTitle("Nothing to plan");
        body.setProperty("skipped", PlanPayloads.stories(plan.skipped()));
        return new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, body, null);
    }
}
