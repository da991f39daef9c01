package dev.agentteam.orchestrator.forge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.agentteam.orchestrator.forge.RepositoryCredentials.ForgeCredential;
import dev.agentteam.orchestrator.support.ForgeClient;
import dev.agentteam.orchestrator.support.IntegrationTest;
import dev.agentteam.orchestrator.support.TestApi;
import dev.agentteam.orchestrator.support.TestApi.Reply;
import dev.agentteam.orchestrator.task.TaskBlocked;
import dev.agentteam.orchestrator.task.TaskFailed;
import dev.agentteam.orchestrator.task.TaskSucceeded;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.ErrorResponseException;

/**
 * Issue 13: a forge credential minted for one task reaches the task's repository only (feature/* pushes), expires on
 * its own, is revoked when the task ends, and a new one for the same task revokes the old.
 */
class TaskCredentialsTest extends IntegrationTest {

    @TempDir
    Path work;

    @Autowired
    RepositoryCredentials credentials;

    @Autowired
    ApplicationEventPublisher events;

    /** The worker that claimed the tasks below (its start notice named it). */
    private static final String WORKER = "dev-worker-1";

    private Reply mine;
    private Reply other;
    private long task;

    @BeforeEach
    void createRepositoriesAndATask() {
        jdbc.execute("truncate repositories restart identity cascade");
        jdbc.execute("truncate tasks restart identity cascade");
        mine = create("task-a-" + System.nanoTime());
        other = create("task-b-" + System.nanoTime());
        task = newTask();
    }

    @Test
    void aTasksCredentialForRepositoryAPushesFeatureBranchesOfAAndNeverReachesB() throws Exception {
        ForgeCredential credential = credentials.mintForTask(task, id(mine), Duration.ofMinutes(30));
        String token = credential.token();
        assertThat(jdbc.queryForObject("select task_id from forge_credentials where id = ?", Long.class,
                credential.id())).isEqualTo(task);
        assertThat(jdbc.queryForObject("select expires_at > now() + interval '29 minutes' and expires_at <= now() "
                + "+ interval '30 minutes' from forge_credentials where id = ?", Boolean.class, credential.id())).isTrue();

        try (Git git = ForgeClient.cloneRepository(cloneUrl(mine), token, work.resolve("mine"))) {
            ForgeClient.commitFile(git, "TASK.md", "task\n", "Task change");
            assertThat(ForgeClient.push(git, token, "HEAD:refs/heads/feature/task")).isEqualTo(RemoteRefUpdate.Status.OK);
            assertThat(ForgeClient.push(git, token, "HEAD:refs/heads/main"))
                    .isEqualTo(RemoteRefUpdate.Status.REJECTED_OTHER_REASON);
        }
        assertThatThrownBy(() -> ForgeClient.cloneRepository(cloneUrl(other), token, work.resolve("other")))
                .isInstanceOf(TransportException.class);
        // B's repository cannot be pushed to either: its receive-pack refuses the token before any ref is sent
        try (Git git = Git.open(work.resolve("mine").toFile())) {
            git.remoteSetUrl().setRemoteName("origin").setRemoteUri(new org.eclipse.jgit.transport.URIish(cloneUrl(other)))
                    .call();
            assertThatThrownBy(() -> ForgeClient.push(git, token, "HEAD:refs/heads/feature/task"))
                    .isInstanceOf(TransportException.class);
        }
        assertThat(jdbc.queryForObject("select count(*) from forge_credentials where repository_id = ?", Long.class,
                id(other))).isZero();
        Reply elsewhere = api.send("GET", pulls(other), null, null, token);
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(elsewhere.isProblem()).isTrue();
    }

    @Test
    void anExpiredTaskCredentialIsRefused() {
        String token = credentials.mintForTask(task, id(mine), Duration.ofMinutes(5)).token();
        assertThat(api.send("GET", pulls(mine), null, null, token).status()).isEqualTo(200);
        jdbc.update("update forge_credentials set expires_at = now() - interval '1 second' where task_id = ?", task);
        Reply refused = api.send("GET", pulls(mine), null, null, token);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.isProblem()).isTrue();
    }

    @Test
    void endingTheTaskRevokesItsCredentialWhetherItSucceededFailedOrBlocked() {
        long failing = newTask();
        long blocking = newTask();
        String succeeded = credentials.mintForTask(task, id(mine), Duration.ofMinutes(30)).token();
        String failed = credentials.mintForTask(failing, id(mine), Duration.ofMinutes(30)).token();
        String blocked = credentials.mintForTask(blocking, id(mine), Duration.ofMinutes(30)).token();
        long untouched = newTask();
        String running = credentials.mintForTask(untouched, id(mine), Duration.ofMinutes(30)).token();

        events.publishEvent(new TaskSucceeded(task, "dev.implement", null, null, Map.of()));
        events.publishEvent(new TaskFailed(failing, "dev.implement", null, null, "gave up"));
        events.publishEvent(new TaskBlocked(blocking, "dev.implement", null, null, List.of("Which API?")));

        for (String token : List.of(succeeded, failed, blocked)) {
            assertThat(api.send("GET", pulls(mine), null, null, token).status()).isEqualTo(401);
        }
        assertThat(api.send("GET", pulls(mine), null, null, running).status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from forge_credentials where revoked_at is not null",
                Long.class)).isEqualTo(3);
    }

    @Test
    void aNewCredentialForTheSameTaskRevokesTheOldOne() {
        String first = credentials.mintForTask(task, id(mine), Duration.ofMinutes(30)).token();
        String second = credentials.mintForTask(task, id(mine), Duration.ofMinutes(30)).token();
        assertThat(second).isNotEqualTo(first);
        assertThat(api.send("GET", pulls(mine), null, null, first).status()).isEqualTo(401);
        assertThat(api.send("GET", pulls(mine), null, null, second).status()).isEqualTo(200);
    }

    @Test
    void aTaskCredentialIsRefusedForAnUnknownRepositoryAndForAnUnboundedOrEmptyLifetime() {
        assertThatThrownBy(() -> credentials.mintForTask(task, 999_999, Duration.ofMinutes(5)))
                .isInstanceOf(ErrorResponseException.class);
        for (Duration lifetime : new Duration[] {null, Duration.ZERO, Duration.ofSeconds(-1),
                RepositoryCredentials.MAX_TASK_LIFETIME.plusSeconds(1)}) {
            assertThatThrownBy(() -> credentials.mintForTask(task, id(mine), lifetime))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(jdbc.queryForObject("select count(*) from forge_credentials", Long.class)).isZero();
    }

    @Test
    void aTasksCredentialIsListedForTheAdminWithItsTaskAndExpiryButNeverItsToken() {
        String token = credentials.mintForTask(task, id(mine), Duration.ofMinutes(30)).token();
        Reply listed = api.send("GET", "/api/repositories/" + id(mine) + "/forge-credentials", null, null);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get(0).path("task_id").asLong()).isEqualTo(task);
        assertThat(listed.json().get(0).path("expires_at").isNull()).isFalse();
        assertThat(listed.body()).doesNotContain(token.substring(3, 12));
    }

    @Test
    void anAgentFetchesItsRunningTasksCredentialWhichReachesTheTasksRepositoryOnly() {
        long running = taskFor(mine, "RUNNING");
        Reply fetched = fetch(users.agentToken("dev"), running, WORKER);
        assertThat(fetched.status()).as(fetched.body()).isEqualTo(201);
        String token = fetched.json().path("token").asString();
        assertThat(fetched.json().path("repository_id").asLong()).isEqualTo(id(mine));
        assertThat(fetched.location()).startsWith("/api/repositories/" + id(mine) + "/forge-credentials/");
        assertThat(api.send("GET", pulls(mine), null, null, token).status()).isEqualTo(200);
        assertThat(api.send("GET", pulls(other), null, null, token).status()).isEqualTo(403);
        // the code search of its own repository, by id, and of no other
        assertThat(api.send("GET", "/api/forge/repositories/" + id(mine) + "/search?q=add", null, null, token).status())
                .isNotIn(401, 403);
        assertThat(api.send("GET", "/api/forge/repositories/" + id(other) + "/search?q=add", null, null, token).status())
                .isEqualTo(403);
        assertThat(jdbc.queryForObject("select payload::text from tasks where id = ?", String.class, running))
                .doesNotContain(token);
        assertThat(jdbc.queryForObject("select count(*) from forge_credentials where task_id = ? and expires_at <= "
                + "now() + interval '2 hours'", Long.class, running)).isEqualTo(1);

        events.publishEvent(new TaskSucceeded(running, "dev.implement", null, null, Map.of()));
        assertThat(api.send("GET", pulls(mine), null, null, token).status()).isEqualTo(401);
    }

    @Test
    void aTaskCredentialIsRefusedToPeopleAgentIdentitiesOtherRolesAndOtherWorkers() {
        long running = taskFor(mine, "RUNNING");
        for (String caller : List.of(users.person("approver"), users.person("viewer"), users.admin(),
                users.agent("approver"), users.agent("admin"), users.agentToken("review"))) {
            Reply refused = fetch(caller, running, WORKER);
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.isProblem()).isTrue();
        }
        assertThat(fetch(null, running, WORKER).status()).isEqualTo(401);
        // the dev agent's token, but no worker named, or another worker holds the claim
        Reply unnamed = fetch(users.agentToken("dev"), running, null);
        assertThat(unnamed.status()).as(unnamed.body()).isEqualTo(403);
        assertThat(unnamed.isProblem()).isTrue();
        Reply notMine = fetch(users.agentToken("dev"), running, "dev-other-worker");
        assertThat(notMine.status()).as(notMine.body()).isEqualTo(409);
        assertThat(notMine.isProblem()).isTrue();
        assertThat(notMine.detail()).contains("claimed by another worker");
        assertThat(jdbc.queryForObject("select count(*) from forge_credentials", Long.class)).isZero();
    }

    @Test
    void aTaskCredentialIsRefusedForUnknownEndedNotYetRunningOrRepositoryLessTasks() {
        String agent = users.agentToken("dev");
        assertThat(fetch(agent, 999_999, WORKER).status()).isEqualTo(404);
        for (String status : List.of("SUCCEEDED", "FAILED", "BLOCKED", "DEAD", "CANCELLED", "QUEUED")) {
            Reply ended = fetch(agent, taskFor(mine, status), WORKER);
            assertThat(ended.status()).as(status).isEqualTo(409);
            assertThat(ended.isProblem()).isTrue();
            // an agent waits for QUEUED (its start notice is on the way) and gives up on the others
            assertThat(ended.json().path("task_status").asString()).isEqualTo(status);
        }
        assertThat(fetch(agent, newTask(), WORKER).status()).isEqualTo(409);
        assertThat(api.as(agent).send("POST", "/api/tasks/abc/forge-credential", null, null).status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("select count(*) from forge_credentials", Long.class)).isZero();
    }

    private Reply fetch(String authorization, long task, String worker) {
        return (authorization == null ? anonymous : api.as(authorization)).sendWithHeader("POST",
                "/api/tasks/" + task + "/forge-credential", "X-Agent-Worker", worker);
    }

    private long taskFor(Reply repository, String status) {
        return jdbc.queryForObject("insert into tasks (type, assigned_to, status, trace_id, worker_id, payload) "
                + "values ('dev.implement', 'dev', ?, 't', ?, jsonb_build_object('repository', jsonb_build_object("
                + "'id', ?::bigint, 'forge', 'embedded'))) returning id", Long.class, status, WORKER, id(repository));
    }

    private long newTask() {
        return jdbc.queryForObject("insert into tasks (type, assigned_to, status, trace_id, worker_id) "
                + "values ('dev.implement', 'dev', 'RUNNING', 't', ?) returning id", Long.class, WORKER);
    }

    private Reply create(String name) {
        Reply created = api.postJson("/api/repositories",
                "{\"name\": \"" + name + "\", \"source\": {\"type\": \"template\", \"template\": \"demo-python\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created;
    }

    private static long id(Reply repository) {
        return repository.json().path("id").asLong();
    }

    private static String cloneUrl(Reply repository) {
        return repository.json().path("clone_url").asString();
    }

    private static String pulls(Reply repository) {
        return "/api/forge/repos/agentteam/" + repository.json().path("name").asString() + "/pulls";
    }
}
