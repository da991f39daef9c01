package dev.agentteam.orchestrator.sprint;

import dev.agentteam.orchestrator.api.ApiProblems;
import dev.agentteam.orchestrator.backlog.Stories;
import dev.agentteam.orchestrator.backlog.StoryView;
import dev.agentteam.orchestrator.sprint.SprintRequests.CreateSprintRequest;
import dev.agentteam.orchestrator.sprint.SprintRequests.SprintResponse;
import dev.agentteam.orchestrator.sprint.SprintRequests.SprintStory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;
import java.util.Objects;

@RestController
@RequestMapping(path = "/api/sprints", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@Tag(name = "Sprints")
class SprintController {

    private final SprintPlanning planning;
    private final Stories stories;

    SprintController(SprintPlanning planning, Stories stories) {
        this.planning = planning;
        this.stories = stories;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Plan a sprint", description = "400 when end is before start or stories has duplicates; "
            + "422 when a story id is unknown; 409 when a story is already in an open (PLANNED/ACTIVE) sprint.")
    ResponseEntity<SprintResponse> create(@Valid @RequestBody CreateSprintRequest request) {
        SprintSummary sprint = planning.plan(request.toCommand());
        var location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/sprints/{id}")
                .buildAndExpand(sprint.id()).toUri();
        return ResponseEntity.created(location).body(response(sprint));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A sprint with its stories and points")
    SprintResponse get(@PathVariable("id") long id) {
        return response(planning.find(id).orElseThrow(() -> ApiProblems.notFound("sprint", id)));
    }

    private SprintResponse response(SprintSummary sprint) {
        List<StoryView> planned = stories.find(sprint.storyIds());
        int points = planned.stream().map(StoryView::estimate).filter(Objects::nonNull).mapToInt(Integer::intValue).sum();
        int unestimated = (int) planned.stream().filter(story -> story.estimate() == null).count();
        return new SprintResponse(sprint.id(), sprint.name(), sprint.goal(), sprint.start(), sprint.end(),
                sprint.status(), sprint.capacityPoints(), points, unestimated,
                planned.stream().map(SprintStory::of).toList(), sprint.createdAt(), sprint.closedAt());
    }
}
