package dev.agentteam.orchestrator.forge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.agentteam.common.codehost.CodeHost;
import dev.agentteam.common.codehost.CodeHostException;
import dev.agentteam.common.codehost.CodeHosts;
import dev.agentteam.common.codehost.EmbeddedForgeProperties;
import dev.agentteam.common.codehost.ForgeTarget;
import dev.agentteam.common.codehost.GitHubProperties;
import dev.agentteam.common.codehost.TaskForgeCredentials;
import dev.agentteam.common.task.ClaimedTask;
import dev.agentteam.orchestrator.support.ForgeClient;
import dev.agentteam.orchestrator.support.IntegrationTest;
import dev.agentteam.orchestrator.support.TestApi.Reply;
import dev.agentteam.orchestrator.task.TaskSucceeded;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;

/**
 * Issue 13: the agents' side of task credentials against the real orchestrator — an agent holding only its role's
 * agent token reaches the forge with the credential of the task its thread runs, fetched once per attempt, and loses
 * it when the task ends; it cannot get one for another role's task.
 */
class AgentTaskCredentialsTest extends IntegrationTest {

    private static final String WORKER = "dev-agent-credentials-test";

    @TempDir
    Path work;

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    ApplicationEventPublisher events;

    private Reply repository;
    private ForgeTarget target;

    @BeforeEach
    void aRepository() {
        jdbc.execute("truncate repositories restart identity cascade");
        jdbc.execute("truncate tasks restart identity cascade");
        repository = api.postJson("/api/repositories",
                "{\"name\": \"agent-cred-" + System.nanoTime() + "\", \"source\": {\"type\": \"template\", \"template\": \"demo-python\"}}");
        assertThat(repository.status()).as(repository.body()).isEqualTo(201);
        target = new ForgeTarget("embedded", repository.json().path("full_name").asString(),
                repository.json().path("clone_url").asString());
    }

    @AfterEach
    void release() {
        ClaimedTask.release();
    }

    @Test
    void anAgentWithOnlyItsAgentTokenPushesAFeatureBranchWithItsTasksCredentialUntilTheTaskEnds() throws Exception {
        long task = task("dev", "RUNNING");
        CodeHosts hosts = hosts("dev");
        new ClaimedTask(task, 1, WORKER).bind();

        String token = hosts.gitToken(target);
        CodeHost host = hosts.forTarget(target);

        assertThat(token).startsWith("fc_");
        assertThat(hosts.embeddedToken(target.cloneUrl())).isEqualTo(token);
        assertThat(jdbc.queryForObject("select count(*) from forge_credentials where task_id = ?", Long.class, task))
                .as("one credential per task attempt, shared by git, the forge API and the code search").isEqualTo(1);
        assertThat(host.repository(target.ref()).defaultBranch()).isEqualTo("main");
        try (Git git = ForgeClient.cloneRepository(target.cloneUrl(), token, work.resolve("clone"))) {
            ForgeClient.commitFile(git, "NOTE.md", "note\n", "A note");
            assertThat(ForgeClient.push(git, token, "HEAD:refs/heads/feature/note")).isEqualTo(RemoteRefUpdate.Status.OK);
            assertThat(ForgeClient.push(git, token, "HEAD:refs/heads/main"))
                    .isEqualTo(RemoteRefUpdate.Status.REJECTED_OTHER_REASON);

            events.publishEvent(new TaskSucceeded(task, "dev.implement", null, null, Map.of()));

            ForgeClient.commitFile(git, "NOTE.md", "note 2\n", "Another note");
            assertThatThrownBy(() -> ForgeClient.push(git, token, "HEAD:refs/heads/feature/note"))
                    .isInstanceOf(org.eclipse.jgit.api.errors.TransportException.class);
        }
        assertThatThrownBy(() -> host.repository(target.ref())).isInstanceOf(CodeHostException.class)
                .extracting(e -> ((CodeHostException) e).status()).isEqualTo(401);
    }

    @Test
    void anAgentWaitsWhileItsClaimedTaskStillReadsQueuedAndGivesUpOnAnEndedOne() throws Exception {
        long queued = task("dev", "QUEUED");
        CodeHosts hosts = hosts("dev");
        // the worker's start notice is applied a moment later, as the result consumer would (the agent asks first)
        CompletableFuture<Integer> started = CompletableFuture.supplyAsync(() -> {
            try {
                Thread.sleep(1500); // a delay the test stages (the late start notice), not a wait for an outcome
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return jdbc.update("update tasks set status = 'RUNNING' where id = ? and status = 'QUEUED'", queued);
        });
        new ClaimedTask(queued, 1, WORKER).bind();

        assertThat(hosts.gitToken(target)).startsWith("fc_");
        assertThat(started.get(60, TimeUnit.SECONDS)).isEqualTo(1);

        long ended = task("dev", "SUCCEEDED");
        new ClaimedTask(ended, 1, WORKER).bind();
        assertThatThrownBy(() -> hosts.gitToken(target)).isInstanceOf(CodeHostException.class)
                .hasMessageContaining("409").hasMessageContaining("SUCCEEDED");
    }

    @Test
    void anotherRolesAgentTokenGetsNoCredentialForTheTask() {
        long task = task("dev", "RUNNING");
        CodeHosts review = hosts("review");
        new ClaimedTask(task, 1, WORKER).bind();

        assertThatThrownBy(() -> review.gitToken(target)).isInstanceOf(CodeHostException.class)
                .hasMessageContaining("403");
        assertThat(jdbc.queryForObject("select count(*) from forge_credentials", Long.class)).isZero();
    }

    private CodeHosts hosts(String role) {
        EmbeddedForgeProperties properties = new EmbeddedForgeProperties(URI.create("http://127.0.0.1:" + port),
                environment.getRequiredProperty("agentteam.security.agents.tokens." + role), Duration.ofSeconds(30));
        return new CodeHosts(properties, new GitHubProperties(null, null, null),
                new TaskForgeCredentials(properties.agentToken(), properties.timeout()));
    }

    private long task(String role, String status) {
        return jdbc.queryForObject("insert into tasks (type, assigned_to, status, trace_id, worker_id, payload) "
                + "values (?, ?, ?, 't', ?, jsonb_build_object('repository', jsonb_build_object('id', ?::bigint, "
                + "'forge', 'embedded'))) returning id", Long.class, role + ".implement", role, status, WORKER,
                repository.json().path("id").asLong());
    }
}
