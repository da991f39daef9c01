package dev.agentteam.cicd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import dev.agentteam.common.artifact.DirectoryArtifactStore;
import dev.agentteam.common.codehost.CodeHosts;
import dev.agentteam.common.codehost.EmbeddedForgeProperties;
import dev.agentteam.common.codehost.GitHubProperties;
import dev.agentteam.common.sandbox.Sandbox;
import dev.agentteam.common.sandbox.SandboxProperties;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.TaskEnvelope;
import dev.agentteam.common.task.TaskResult;
import dev.agentteam.common.testing.DemoRepositories;
import dev.agentteam.common.worker.WorkerContexts;
import dev.agentteam.common.workspace.GitWorkspaces;
import dev.agentteam.common.workspace.WorkspaceProperties;

/** The staging step after a merge: deploy and smoke commands in the sandbox on the merged commit. */
class DeployHandlerTest {

    @TempDir
    Path dir;

    @Test
    void deploysTheMergedCommitThenRunsTheSmokeTestAndKeepsBothLogs() throws Exception {
        TaskResult result = run("ls textstats > deployed.txt && cat deployed.txt && echo DEPLOYED", "echo SMOKE-RED; exit 3");

        assertThat(result.output()).containsEntry("conclusion", "failure");
        assertThat(result.output().get("deploy").toString()).contains("exit_code=0", "__init__.py", "DEPLOYED");
        assertThat(result.output().get("smoke").toString()).contains("exit_code=3", "SMOKE-RED");
        assertThat(result.output().get("artifacts").toString()).contains("deploy-log", "smoke-log");
    }

    @Test
    void withoutADeployCommandNothingRuns() throws Exception {
        assertThat(run(null, null).output()).containsEntry("conclusion", "skipped").doesNotContainKey("deploy");
    }

    private TaskResult run(String deploy, String smoke) throws Exception {
        Path bare = DemoRepositories.create(dir, "demo");
        String sha;
        try (Git git = Git.open(bare.toFile())) {
            sha = git.getRepository().resolve("main").getName();
        }
        Sandbox sandbox = new Sandbox(new SandboxProperties(Duration.ofMinutes(1), DataSize.ofMegabytes(256), 64,
                DataSize.ofMegabytes(10), Duration.ofSeconds(30), DataSize.ofKilobytes(64), List.of(),
                Path.of(System.getProperty("java.io.tmpdir"), "cicd-deploy-test-sandbox"), null, 0, 0));
        DeployHandler handler = new DeployHandler(new GitWorkspaces(new WorkspaceProperties(dir.resolve("work"), null, null,
                null, null, null, 0, 0)), sandbox, new DirectoryArtifactStore(dir.resolve("artifacts")),
                new CodeHosts(new EmbeddedForgeProperties(null, null, null), new GitHubProperties(null, null, null)),
                new CicdAgentProperties(Duration.ofMinutes(1), "agent-team/ci", List.of(), DataSize.ofMegabytes(1), 2000,
                        deploy, smoke, Duration.ofMinutes(1)));
        TaskEnvelope task = new TaskEnvelope(60, DeployHandler.TYPE, AgentRole.CICD, 1, Duration.ofMinutes(5), "t",
                Instant.now(), Map.of("repository", Map.of("forge", "github", "full_name", "acme/demo",
                        "clone_url", bare.toUri().toString()), "merge_sha", sha));
        return handler.handle(task, WorkerContexts.of(task, "cicd-test", new AtomicInteger()));
    }
}
