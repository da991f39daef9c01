package dev.agentteam.orchestrator.forge;

import java.time.Duration;

import dev.agentteam.orchestrator.api.ApiProblems;
import dev.agentteam.orchestrator.api.Locations;
import dev.agentteam.orchestrator.forge.RepositoryCredentials.ForgeCredential;
import dev.agentteam.orchestrator.security.AgentTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An agent fetches the forge credential of the task it runs, with its role's agent token ({@code AgentTokens}; nothing
 * else may call this, see {@code AccessRules}). The task must be of the agent's role, {@code RUNNING}, and claimed by
 * the worker named in {@value #WORKER_HEADER} (the worker id of its start notice). The credential reaches the task's
 * embedded repository only and never appears in the task's payload, its envelope or a log.
 */
@RestController
@Tag(name = "Tasks")
class TaskCredentialController {

    /** How long a task's credential lives at most; it is revoked earlier, when the task ends. */
    static final Duration LIFETIME = Duration.ofHours(2);
    /** The worker that claimed the task, as its start notice named it. */
    static final String WORKER_HEADER = "X-Agent-Worker";
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
            description = "Only with an agent's token, for a RUNNING task of the agent's role claimed by the worker in "
                    + "the X-Agent-Worker header (else 403, or 409 with task_status while the task is not RUNNING or another worker holds it). It reaches the task's repository only (feature/* pushes), expires after two hours at most "
                    + "and is revoked when the task ends; asking again revokes the earlier one. The token is in this "
                    + "answer only.")
    @Transactional
    ResponseEntity<ForgeCredential> mint(@PathVariable("id") long id,
            @RequestHeader(name = WORKER_HEADER, required = false) String worker, Authentication caller) {
        record Task(String role, String status, String worker, String payload) {
        }
        Task task = jdbc.sql("select assigned_to, status, worker_id, payload::text as payload from tasks where id = ? "
                        + "for update").param(id)
                .query((rs, n) -> new Task(rs.getString("assigned_to"), rs.getString("status"),
                        rs.getString("worker_id"), rs.getString("payload"))).optional()
                .orElseThrow(() -> ApiProblems.notFound("task", id));
        String role = AgentTokens.agentRole(caller).orElseThrow(() -> ApiProblems.forbidden("Only an agent's token "
                + "fetches a task's forge credential."));
        if (!role.equals(task.role())) {
            throw ApiProblems.forbidden("Task " + id + " is not a " + role + " task: the " + role
                    + " agent gets no forge credential for it.");
        }
        if (!"RUNNING".equals(task.status())) {
            ErrorResponseException conflict = ApiProblems.conflict("Task " + id + " is " + task.status()
                    + ", not RUNNING: only a running task gets a forge credential.");
            // a worker asks right after its claim; until its start notice is applied the task still reads QUEUED
            conflict.getBody().setProperty("task_status", task.status());
            throw conflict;
        }
        if (worker == null || worker.isBlank()) {
            throw ApiProblems.forbidden("Name the worker that claimed task " + id + " in " + WORKER_HEADER + ".");
        }
        if (!worker.equals(task.worker())) {
            ErrorResponseException conflict = ApiProblems.conflict("Task " + id + " is claimed by another worker, not by '"
                    + worker + "' (" + WORKER_HEADER + ").");
            // a worker taking over a reaped claim asks before its start notice is applied: it waits, the others give up
            conflict.getBody().setProperty("task_status", task.status());
            throw conflict;
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
