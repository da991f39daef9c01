package dev.agentteam.orchestrator.forge;

import java.time.Duration;

import dev.agentteam.orchestrator.api.ApiProblems;
import dev.agentteam.orchestrator.api.Locations;
import dev.agentteam.orchestrator.forge.RepositoryCredentials.ForgeCredential;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An agent fetches the forge credential of the task it runs, with its own API token (only agent identities may: see
 * {@code AccessRules}); the credential reaches the task's embedded repository only and never appears in the task's
 * payload, its envelope or a log.
 */
@RestController
@Tag(name = "Tasks")
class TaskCredentialController {

    /** How long a task's credential lives at most; it is revoked earlier, when the task ends. */
    static final Duration LIFETIME = Duration.ofHours(2);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final RepositoryCredentials credentials;

    TaskCredentialController(JdbcClient jdbc, RepositoryCredentials credentials) {
        this.jdbc = jdbc;
        this.credentials = credentials;
    }

    @PostMapping(path = "/api/tasks/{id}/forge-credential",
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A new forge credential for this running task's embedded repository (agents only)",
            description = "It reaches the task's repository only (feature/* pushes), expires after two hours at most "
                    + "and is revoked when the task ends; asking again revokes the earlier one. The token is in this "
                    + "answer only.")
    @Transactional
    ResponseEntity<ForgeCredential> mint(@PathVariable("id") long id) {
        record Task(String status, String payload) {
        }
        Task task = jdbc.sql("select status, payload::text as payload from tasks where id = ? for update").param(id)
                .query((rs, n) -> new Task(rs.getString("status"), rs.getString("payload"))).optional()
                .orElseThrow(() -> ApiProblems.notFound("task", id));
        if (!"RUNNING".equals(task.status())) {
            throw ApiProblems.conflict("Task " + id + " is " + task.status() + ", not RUNNING: only a running task "
                    + "gets a forge credential.");
        }
        JsonNode repository = task.payload() == null ? null : JSON.readTree(task.payload()).path("repository");
        if (repository == null || !"embedded".equals(repository.path("forge").asString(""))
                || !repository.path("id").canConvertToLong()) {
            throw ApiProblems.conflict("Task " + id + " names no embedded repository, so it gets no forge credential.");
        }
        ForgeCredential credential = credentials.mintForTask(id, repository.path("id").asLong(), LIFETIME);
        return ResponseEntity.created(Locations.of("/api/repositories/{id}/forge-credentials/{credential}",
                credential.repositoryId(), credential.id())).cacheControl(CacheControl.noStore()).body(credential);
    }

}
