package dev.agentteam.orchestrator.backlog;

import dev.agentteam.orchestrator.api.Locations;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import dev.agentteam.orchestrator.api.ApiPaging;
import dev.agentteam.orchestrator.api.ApiProblems;
import dev.agentteam.orchestrator.backlog.BacklogResponses.BacklogPage;
import dev.agentteam.orchestrator.backlog.BacklogResponses.EpicResponse;
import dev.agentteam.orchestrator.backlog.BacklogResponses.StoryResponse;
import dev.agentteam.orchestrator.history.ChangedBy;
import dev.agentteam.orchestrator.history.StatusChange;
import dev.agentteam.orchestrator.history.StatusHistory;
import dev.agentteam.orchestrator.history.Subject;
import dev.agentteam.orchestrator.security.Account;
import dev.agentteam.orchestrator.user.UserView;
import org.springframework.security.core.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping(path = "/api", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@Tag(name = "Backlog", description = "Epics, their stories and tasks")
class BacklogController {

    private final Epics epics;
    private final Stories stories;
    private final BacklogAssembler assembler;
    private final StatusHistory history;

    BacklogController(Epics epics, Stories stories, BacklogAssembler assembler, StatusHistory history) {
        this.epics = epics;
        this.stories = stories;
        this.assembler = assembler;
        this.history = history;
    }

    @PostMapping(path = "/epics", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit an epic", description = "Stores the epic and queues a po.refine_epic task; the epic "
            + "goes NEW → REFINING. The caller is the owner; an owner_id other than the caller, or an unknown "
            + "repository_id, answers 422.")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<EpicResponse> create(@Valid @RequestBody CreateEpicRequest request, Authentication authentication) {
        long caller = Account.userOf(authentication).map(UserView::id)
                .orElseThrow(() -> ApiProblems.unprocessable("Sign in to submit an epic."));
        EpicView epic = epics.submit(request.toCommand(caller));
        var location = Locations.of("/api/epics/{id}", epic.id());
        return ResponseEntity.created(location).body(assembler.assemble(List.of(epic)).get(0));
    }

    @GetMapping("/epics/{id}")
    @Operation(summary = "An epic with its stories and tasks")
    EpicResponse get(@PathVariable("id") long id) {
        EpicView epic = epics.find(id).orElseThrow(() -> ApiProblems.notFound("epic", id));
        return assembler.assemble(List.of(epic)).get(0);
    }

    @PostMapping("/stories/{id}/accept")
    @Operation(summary = "Accept a story the PO proposed", description = "PROPOSED → READY (stories arrive PROPOSED when "
            + "agentteam.backlog.require-story-acceptance=true). Unknown id → 404; a story that is not PROPOSED → 409.")
    StoryResponse accept(@PathVariable("id") long id, Authentication caller) {
        return StoryResponse.of(stories.accept(id, person(caller, "accepted")), List.of());
    }

    @PostMapping("/stories/{id}/cancel")
    @Operation(summary = "Cancel a story", description = "Any status but DONE → CANCELLED; its epic is DONE once every "
            + "story is DONE or CANCELLED. Unknown id → 404; a DONE or already CANCELLED story → 409.")
    StoryResponse cancel(@PathVariable("id") long id, Authentication caller) {
        return StoryResponse.of(stories.cancel(id, person(caller, "cancelled")), List.of());
    }

    @GetMapping("/stories/{id}/history")
    @Operation(summary = "A story's status changes, oldest first", description = "Each with who (user_id) or which "
            + "task (task_id) made it. Unknown id → 404.")
    List<StatusChange> history(@PathVariable("id") long id) {
        if (stories.find(List.of(id)).isEmpty()) {
            throw ApiProblems.notFound("story", id);
        }
        return history.of(Subject.STORY, id);
    }

    @GetMapping("/epics/{id}/history")
    @Operation(summary = "An epic's status changes, oldest first")
    List<StatusChange> epicHistory(@PathVariable("id") long id) {
        epics.find(id).orElseThrow(() -> ApiProblems.notFound("epic", id));
        return history.of(Subject.EPIC, id);
    }

    static ChangedBy person(Authentication caller, String reason) {
        return ChangedBy.person(Account.userOf(caller).map(UserView::id).orElse(null), reason);
    }

    @GetMapping("/backlog")
    @Operation(summary = "Epics with their stories and tasks, newest first, paged")
    BacklogPage backlog(
            @Parameter(description = "Only epics in this status") @RequestParam(name = "status", required = false) EpicStatus status,
            @RequestParam(name = "page", defaultValue = "0") @Min(0) @Max(ApiPaging.MAX_PAGE) int page,
            @RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(ApiPaging.MAX_SIZE) int size) {
        Page<EpicView> result = epics.list(status,
                PageRequest.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))));
        return new BacklogPage(assembler.assemble(result.getContent()), page, size, result.getTotalElements(),
                result.getTotalPages());
    }
}
