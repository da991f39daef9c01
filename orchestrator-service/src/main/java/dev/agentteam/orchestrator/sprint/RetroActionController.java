package dev.agentteam.orchestrator.sprint;

import dev.agentteam.orchestrator.security.Account;
import dev.agentteam.orchestrator.user.UserView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.MediaType;
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
@RequestMapping(path = "/api/backlog/retro-actions",
        produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@Tag(name = "Backlog")
class RetroActionController {

    private final RetroActions actions;

    RetroActionController(RetroActions actions) {
        this.actions = actions;
    }

    record CloseRequest(@NotNull @Pattern(regexp = "DONE|DISMISSED", message = "must be DONE or DISMISSED") String status) {
    }

    @GetMapping
    @Operation(summary = "The retrospectives' actions in the backlog", description = "Each linked to the sprint that "
            + "raised it (and the last one that raised it again); open ones first.")
    List<RetroAction> list(@Parameter(description = "OPEN, DONE or DISMISSED; all when absent")
                           @RequestParam(name = "status", required = false)
                           @Pattern(regexp = "OPEN|DONE|DISMISSED", message = "must be OPEN, DONE or DISMISSED") String status) {
        return actions.list(status);
    }

    @PostMapping(path = "/{id}/close", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Close a retro action", description = "OPEN → DONE or DISMISSED. Unknown id → 404; already "
            + "closed → 409.")
    RetroAction close(@PathVariable("id") long id, @Valid @RequestBody CloseRequest request, Authentication caller) {
        return actions.close(id, request.status(), Account.userOf(caller).map(UserView::id).orElse(null));
    }
}
