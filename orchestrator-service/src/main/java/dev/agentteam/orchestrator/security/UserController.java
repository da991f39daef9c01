package dev.agentteam.orchestrator.security;

import dev.agentteam.orchestrator.api.Locations;
import dev.agentteam.orchestrator.user.UserAccounts;
import dev.agentteam.orchestrator.user.UserView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** User management (admins only, see {@link AccessRules}). */
@RestController
@RequestMapping(path = "/api/users", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@Tag(name = "Users", description = "People and agent identities, their roles and tokens (admin)")
class UserController {

    private final UserAccounts accounts;
    private final UserManagement management;
    UserController(UserAccounts accounts, UserManagement management) {
        this.accounts = accounts;
        this.management = management;
    }

    @GetMapping
    @Operation(summary = "All users")
    List<UserView> list() {
        return accounts.list();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a person (with a password) or an agent identity (tokens only)")
    ResponseEntity<UserView> create(@Valid @RequestBody UserForm form) {
        UserView created = management.create(form);
        return ResponseEntity.created(Locations.of("/api/users/{id}", created.id())).body(created);
    }

    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a user's role or enable/disable it")
    UserView update(@PathVariable("id") long id, @RequestBody UserChange change) {
        return management.update(id, change.role(), change.enabled());
    }

    record UserChange(String role, Boolean enabled) {
    }

}
