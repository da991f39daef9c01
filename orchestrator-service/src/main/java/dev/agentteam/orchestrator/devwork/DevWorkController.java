package dev.agentteam.orchestrator.devwork;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import dev.agentteam.orchestrator.history.ChangedBy;
import dev.agentteam.orchestrator.security.Account;
import dev.agentteam.orchestrator.task.TaskView;
import dev.agentteam.orchestrator.user.UserView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@Tag(name = "Backlog")
class DevWorkController {

    private final DevDispatch dispatch;

    DevWorkController(DevDispatch dispatch) {
        this.dispatch = dispatch;
    }

    /** The story handed over and the task that carries it. */
    record StartedWork(long storyId, long taskId, String taskStatus) {
    }

    @PostMapping("/stories/{id}/start")
    @Operation(summary = "Start work on a story by hand", description = "Hands a READY story to the Dev agent now "
            + "(a dev.implement_story task; the story goes IN_PROGRESS), in sprint or continuous mode, whether or not it "
            + "is in the active sprint and past the WIP limit. 202 with the task. Unknown id → 404; a story that is not "
            + "READY, already has a dev task, waits for a dependency, or has no repository → 409.")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<StartedWork> start(@PathVariable("id") long id, Authentication caller) {
        TaskView task = dispatch.start(id, person(caller, "started work by hand"));
        return ResponseEntity.accepted().body(new StartedWork(id, task.id(), task.status().name()));
    }

    @PostMapping("/stories/{id}/retry")
    @Operation(summary = "Run a blocked story's Dev task again", description = "A story is BLOCKED when its "
            + "dev.implement_story task ended without a pull request (its reason is in the story's history). This queues "
            + "that task again (a DEAD one with one more attempt) and moves the story back to IN_PROGRESS, past the WIP "
            + "limit. 202 with the task. Unknown id → 404; a story that is not BLOCKED, or whose Dev task has not ended "
            + "without a pull request → 409.")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<StartedWork> retry(@PathVariable("id") long id, Authentication caller) {
        TaskView task = dispatch.retry(id, person(caller, "ran its Dev task again"));
        return ResponseEntity.accepted().body(new StartedWork(id, task.id(), task.status().name()));
    }

    private static ChangedBy person(Authentication caller, String reason) {
        return ChangedBy.person(Account.userOf(caller).map(UserView::id).orElse(null), reason);
    }
}
