package dev.agentteam.orchestrator.forge;

import dev.agentteam.orchestrator.api.Locations;
import java.util.List;

import dev.agentteam.orchestrator.forge.RepositoryCredentials.ForgeCredential;
import dev.agentteam.orchestrator.forge.RepositoryCredentials.ForgeCredentialView;
import dev.agentteam.orchestrator.security.Account;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/repositories/{id}/forge-credentials", produces = {MediaType.APPLICATION_JSON_VALUE,
        MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@Tag(name = "Repositories")
class ForgeCredentialController {

    private final RepositoryCredentials credentials;

    ForgeCredentialController(RepositoryCredentials credentials) {
        this.credentials = credentials;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Mint an agent's forge credential for this embedded repository only (admin)",
            description = "It clones, fetches and pushes feature/* of this repository and uses the forge API for it; "
                    + "every other repository and the default branch refuse it. The token is in this answer only.")
    ResponseEntity<ForgeCredential> mint(@PathVariable("id") long id, Authentication authentication) {
        long caller = Account.userOf(authentication).orElseThrow(() -> new IllegalStateException("no signed-in user"))
                .id();
        ForgeCredential credential = credentials.mint(id, caller);
        return ResponseEntity.created(Locations.of("/api/repositories/{id}/forge-credentials/{credential}", id,
                credential.id())).body(credential);
    }

    @GetMapping
    @Operation(summary = "This embedded repository's forge credentials, newest first, without their tokens (admin)")
    List<ForgeCredentialView> list(@PathVariable("id") long id) {
        return credentials.list(id);
    }

    @GetMapping("/{credential}")
    @Operation(summary = "One forge credential of this embedded repository, without its token (admin)")
    ForgeCredentialView show(@PathVariable("id") long id, @PathVariable("credential") long credential) {
        return credentials.find(id, credential);
    }

    @DeleteMapping("/{credential}")
    @Operation(summary = "Revoke a forge credential of this embedded repository (admin)",
            description = "The forge refuses its token from the next request on. Revoking it again changes nothing.")
    ForgeCredentialView revoke(@PathVariable("id") long id, @PathVariable("credential") long credential) {
        return credentials.revoke(id, credential);
    }
}
