package dev.agentteam.orchestrator.mergegate;

import dev.agentteam.common.codehost.MergeMethod;
import dev.agentteam.orchestrator.api.ApiProblems;
import dev.agentteam.orchestrator.pullrequest.PullRequestView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;

/** The merge gate's API: approve, reject, merge (people with the approver role only), and the decisions so far. */
@RestController
@RequestMapping(path = "/api/pull-requests/{id}", produces = {MediaType.APPLICATION_JSON_VALUE,
        MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@EnableConfigurationProperties(MergeGateProperties.class)
@Tag(name = "Merge gate", description = "A person with the approver role approves and merges; agents never can")
class MergeGateController {

    private final MergeGate gate;
    private final Callers callers;

    MergeGateController(MergeGate gate, Callers callers) {
        this.gate = gate;
        this.callers = callers;
    }

    @PostMapping("/approve")
    @Operation(summary = "Approve the current head commit (not allowed to the epic's owner by default)")
    ApprovalView approve(@PathVariable("id") long id, @RequestBody(required = false) Decision decision,
            Authentication authentication) {
        return gate.approve(id, callers.of(authentication), decision == null ? null : decision.comment());
    }

    @PostMapping("/reject")
    @Operation(summary = "Reject the current head commit")
    ApprovalView reject(@PathVariable("id") long id, @RequestBody(required = false) Decision decision,
            Authentication authentication) {
        return gate.reject(id, callers.of(authentication), decision == null ? null : decision.comment());
    }

    @PostMapping("/merge")
    @Operation(summary = "Merge: needs an approval of the head commit, green CI and a finished review")
    PullRequestView merge(@PathVariable("id") long id, @RequestBody(required = false) MergeRequest request,
            Authentication authentication) {
        return gate.merge(id, callers.of(authentication), request == null ? null : method(request.method()));
    }

    @GetMapping("/approvals")
    @Operation(summary = "Every decision on the pull request, oldest first")
    List<ApprovalView> approvals(@PathVariable("id") long id) {
        return gate.approvals(id);
    }

    private static MergeMethod method(String method) {
        if (method == null || method.isBlank()) {
            return null;
        }
        try {
            return MergeMethod.valueOf(method.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblems.badRequest("method must be merge, squash or rebase, got '" + method + "'.");
        }
    }

    record Decision(String comment) {
    }

    record MergeRequest(String method) {
    }
}
