package dev.agentteam.orchestrator.sprint;

import dev.agentteam.orchestrator.api.Locations;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import dev.agentteam.orchestrator.api.ApiProblems;
import dev.agentteam.orchestrator.backlog.Stories;
import dev.agentteam.orchestrator.backlog.StoryView;
import dev.agentteam.orchestrator.sprint.SprintRequests.CreateSprintRequest;
import dev.agentteam.orchestrator.sprint.SprintRequests.PlanSprintRequest;
import dev.agentteam.orchestrator.sprint.SprintRequests.RetroResponse;
import dev.agentteam.orchestrator.sprint.SprintRequests.SprintResponse;
import dev.agentteam.orchestrator.sprint.SprintRequests.SprintStory;
import dev.agentteam.orchestrator.task.Tasks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Objects;

@RestController
@RequestMapping(path = "/api/sprints", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@Tag(name = "Sprints")
class SprintController {

    private final SprintPlanning planning;
    private final CapacityPlanning capacityPlanning;
    private final SprintLifecycle lifecycle;
    private final Stories stories;
    private final Tasks tasks;
    private final SprintCommitment commitment;

    SprintController(SprintPlanning planning, CapacityPlanning capacityPlanning, SprintLifecycle lifecycle,
                     Stories stories, Tasks tasks, SprintCommitment commitment) {
        this.planning = planning;
        this.capacityPlanning = capacityPlanning;
        this.lifecycle = lifecycle;
        this.stories = stories;
        this.tasks = tasks;
        this.commitment = commitment;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Plan a sprint with the stories given", description = "400 when end is before start or stories "
            + "has duplicates; 422 when a story id is unknown; 409 when a story is already in an open (PLANNED/ACTIVE) sprint.")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<SprintResponse> create(@Valid @RequestBody CreateSprintRequest request) {
        return created(planning.plan(request.toCommand()));
    }

    @PostMapping(path = "/plan", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Plan a sprint from the backlog within a capacity", description = "Picks READY stories in no "
            + "open sprint, most urgent first (priority, then age), whose estimates fit the capacity left; a story comes "
            + "with the stories it depends on, and is skipped when a dependency is neither DONE nor plannable. `plan` "
            + "explains every choice. The Scrum agent then writes `plan_rationale`. 400 when capacity_points ≤ 0 or end "
            + "is before start; 422 (with `skipped`) when no story fits. With dry_run=true: 200 with the plan only.")
    @ApiResponse(responseCode = "201", description = "The sprint is created (Location names it)")
    @ApiResponse(responseCode = "200", description = "dry_run=true: the plan only")
    ResponseEntity<?> planByCapacity(@Valid @RequestBody PlanSprintRequest request,
                                     @Parameter(description = "Only compute and return the plan (200): no sprint, no task")
                                     @RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun) {
        if (dryRun) {
            return ResponseEntity.ok(PlanPayloads.plan(capacityPlanning.preview(request.toCommand())));
        }
        return created(capacityPlanning.plan(request.toCommand()).sprint());
    }

    @GetMapping("/active")
    @Operation(summary = "The ACTIVE sprint", description = "404 when no sprint is active.")
    SprintResponse active() {
        return response(commitment.active().orElseThrow(() -> ApiProblems.notFound(
                "No sprint is ACTIVE: plan one (POST /api/sprints/plan) and start it, or let the autopilot do it.")));
    }

    @PostMapping(path = "/{id}/stories", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Commit stories to an open sprint", description = "Adds the stories to a PLANNED or ACTIVE "
            + "sprint; in sprint mode the Dev agent takes those of the ACTIVE sprint. Unknown sprint → 404; CLOSED sprint, "
            + "a DONE/CANCELLED story or one in another open sprint → 409; unknown story ids → 422.")
    SprintResponse commit(@PathVariable("id") long id, @Valid @RequestBody SprintRequests.CommitStoriesRequest request) {
        return response(commitment.commit(id, request.stories()));
    }

    @DeleteMapping("/{id}/stories/{storyId}")
    @Operation(summary = "Take a story out of an open sprint", description = "404 when the sprint is unknown or does "
            + "not hold the story; 409 when the sprint is CLOSED. Work already started goes on.")
    SprintResponse release(@PathVariable("id") long id, @PathVariable("storyId") long storyId) {
        return response(commitment.release(id, storyId));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A sprint with its stories, points, plan, narrative and retrospective")
    SprintResponse get(@PathVariable("id") long id) {
        return response(planning.find(id).orElseThrow(() -> ApiProblems.notFound("sprint", id)));
    }

    @PostMapping("/{id}/start")
    @Operation(summary = "Start a PLANNED sprint", description = "409 unless it is PLANNED and no other sprint is ACTIVE.")
    SprintResponse start(@PathVariable("id") long id) {
        return response(lifecycle.start(id));
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close an ACTIVE sprint", description = "Queues the Scrum agent's retrospective with the sprint's "
            + "metrics; 409 unless the sprint is ACTIVE.")
    SprintResponse close(@PathVariable("id") long id) {
        return response(lifecycle.close(id));
    }

    @PostMapping("/{id}/retro")
    @Operation(summary = "Ask again for the retrospective", description = "For a CLOSED sprint whose retrospective task "
            + "ended without one; 202 with the new retro_task_id. 409 when the sprint is not CLOSED, already has its "
            + "retrospective, or its retro task is still under way.")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<SprintResponse> requestRetro(@PathVariable("id") long id) {
        return ResponseEntity.accepted().body(response(lifecycle.requestRetro(id)));
    }

    @GetMapping("/{id}/retro")
    @Operation(summary = "The sprint's retrospective", description = "409 while the sprint is not CLOSED; 404 until the "
            + "Scrum agent has written it (the detail says what its task is doing).")
    RetroResponse retro(@PathVariable("id") long id) {
        SprintSummary sprint = planning.find(id).orElseThrow(() -> ApiProblems.notFound("sprint", id));
        if (sprint.status() != SprintStatus.CLOSED) {
            throw ApiProblems.conflict("Sprint " + id + " is " + sprint.status()
                    + ": its retrospective is written when it is closed.");
        }
        if (sprint.retro() == null) {
            String task = sprint.retroTaskId() == null ? "no retrospective task exists"
                    : tasks.find(sprint.retroTaskId()).map(t -> "task " + t.id() + " is " + t.status())
                    .orElse("its task is gone");
            throw ApiProblems.notFound("retrospective written yet for sprint", id + " (" + task + ")");
        }
        return RetroResponse.of(id, sprint.retro());
    }

    private ResponseEntity<SprintResponse> created(SprintSummary sprint) {
        var location = Locations.of("/api/sprints/{id}", sprint.id());
        return ResponseEntity.created(location).body(response(sprint));
    }

    private SprintResponse response(SprintSummary sprint) {
        List<StoryView> planned = stories.find(sprint.storyIds());
        int points = planned.stream().map(StoryView::estimate).filter(Objects::nonNull).mapToInt(Integer::intValue).sum();
        int unestimated = (int) planned.stream().filter(story -> story.estimate() == null).count();
        return new SprintResponse(sprint.id(), sprint.name(), sprint.goal(), sprint.start(), sprint.end(),
                sprint.status(), sprint.capacityPoints(), points, unestimated,
                planned.stream().map(SprintStory::of).toList(), sprint.createdAt(), sprint.startedAt(),
                sprint.closedAt(), sprint.plan(), sprint.planRationale(), sprint.planTaskId(), sprint.retro(),
                sprint.retroTaskId());
    }
}
