package dev.agentteam.orchestrator.security;

import dev.agentteam.orchestrator.api.ApiProblems;
import dev.agentteam.orchestrator.api.Locations;
import dev.agentteam.orchestrator.user.UserView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** The caller's own API tokens. */
@RestController
@RequestMapping(path = "/api/tokens", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@Tag(name = "API tokens", description = "Personal bearer tokens; the token is shown once, when created")
class TokenController {

    private final ApiTokens tokens;

    TokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    @Operation(summary = "My tokens (without the secret part)")
    List<ApiTokenView> list(Authentication authentication) {
        return tokens.list(caller(authentication).id());
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a token for myself; the response is the only time the token is shown")
    ResponseEntity<CreatedToken> create(@RequestBody(required = false) NewTokenRequest request,
            Authentication authentication) {
        if (request == null) {
            throw ApiProblems.badRequest("The request body is missing: give at least a 'name'.");
        }
        CreatedToken created = tokens.create(caller(authentication).id(), request.name(), request.expiresAt());
        return ResponseEntity.created(Locations.of("/api/tokens/{id}", created.details().id())).body(created);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke one of my tokens")
    ApiTokenView revoke(@PathVariable("id") long id, Authentication authentication) {
        return tokens.revoke(caller(authentication).id(), id);
    }

    static UserView caller(Authentication authentication) {
        return Account.userOf(authentication).orElseThrow(() -> new IllegalStateException("no signed-in user"));
    }

    record NewTokenRequest(String name, Instant expiresAt) {
    }
}
