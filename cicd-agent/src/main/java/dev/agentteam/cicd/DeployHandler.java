package dev.agentteam.cicd;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.agentteam.common.artifact.ArtifactKey;
import dev.agentteam.common.artifact.ArtifactRef;
import dev.agentteam.common.artifact.ArtifactStore;
import dev.agentteam.common.codehost.CodeHosts;
import dev.agentteam.common.codehost.ForgeTarget;
import dev.agentteam.common.sandbox.Sandbox;
import dev.agentteam.common.sandbox.SandboxResult;
import dev.agentteam.common.task.QualityResult;
import dev.agentteam.common.task.QualityTask;
import dev.agentteam.common.task.RepositoryTarget;
import dev.agentteam.common.task.TaskEnvelope;
import dev.agentteam.common.task.TaskPayloads;
import dev.agentteam.common.task.TaskResult;
import dev.agentteam.common.task.TextCut;
import dev.agentteam.common.worker.StepFailedException;
import dev.agentteam.common.worker.TaskHandler;
import dev.agentteam.common.worker.WorkerContext;
import dev.agentteam.common.workspace.GitWorkspace;
import dev.agentteam.common.workspace.GitWorkspaces;
import dev.agentteam.common.workspace.RemoteRepository;
import dev.agentteam.common.workspace.WorkspaceException;

/**
 * {@code cicd.deploy}: after a merge, the customer's staging step — {@code agentteam.cicd.deploy-command}, then
 * {@code smoke-command} when the deployment worked — run in the sandbox on the merged commit, logs kept as
 * artifacts. Without a deploy command it reports {@code skipped}. Payload: {@code repository} and {@code merge_sha}.
 */
@Component
class DeployHandler implements TaskHandler {

    static final String TYPE = "cicd.deploy";
    private static final Logger log = LoggerFactory.getLogger(DeployHandler.class);

    private final GitWorkspaces workspaces;
    private final Sandbox sandbox;
    private final ArtifactStore artifacts;
    private final CodeHosts codeHosts;
    private final CicdAgentProperties properties;

    DeployHandler(GitWorkspaces workspaces, Sandbox sandbox, ArtifactStore artifacts, CodeHosts codeHosts,
                  CicdAgentProperties properties) {
        this.workspaces = workspaces;
        this.sandbox = sandbox;
        this.artifacts = artifacts;
        this.codeHosts = codeHosts;
        this.properties = properties;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public TaskResult handle(TaskEnvelope task, WorkerContext context) {
        QualityTask.Deploy deployment = TaskPayloads.read(task.payload(), QualityTask.Deploy.class);
        String sha = deployment.validMergeSha();
        if (properties.deployCommand() == null) {
            return TaskResult.succeeded(task, context.workerId(), new QualityResult.Deploy(sha, "skipped", null, null, null),
                    null);
        }
        RepositoryTarget repository = deployment.repository();
        ForgeTarget target = ForgeTarget.of(repository);
        List<ArtifactRef> stored = new ArrayList<>();
        Map<String, QualityResult.Step> steps = new LinkedHashMap<>();
        String conclusion;
        try (GitWorkspace workspace = workspaces.open(task.taskId(),
                new RemoteRepository(target.cloneUrl(), codeHosts.gitToken(target)))) {
            workspace.checkoutCommit(sha);
            context.progress("deploying " + sha);
            SandboxResult deploy = step(task, workspace, "deploy", properties.deployCommand(), stored, steps);
            boolean ok = deploy.succeeded();
            if (ok && properties.smokeCommand() != null) {
                context.progress("smoke test of " + sha);
                ok = step(task, workspace, "smoke", properties.smokeCommand(), stored, steps).succeeded();
            }
            conclusion = ok ? "success" : "failure";
        } catch (WorkspaceException e) {
            throw new StepFailedException("could not check out " + sha + " to deploy", e);
        }
        log.info("Deployment of {} at {}: {}", target.fullName(), sha, conclusion);
        return TaskResult.succeeded(task, context.workerId(), new QualityResult.Deploy(sha, conclusion, steps.get("deploy"),
                steps.get("smoke"), ResultParts.artifacts(stored)), null);
    }

    private SandboxResult step(TaskEnvelope task, GitWorkspace workspace, String name, String command,
                               List<ArtifactRef> stored, Map<String, QualityResult.Step> steps) {
        SandboxResult result = sandbox.run(workspace.directory(), List.of("/bin/sh", "-c", command), properties.deployTimeout());
        stored.add(ArtifactRef.of(name + "-log", name + ".log", artifacts.put(
                ArtifactKey.forTask(task.taskId(), task.attempt(), name + ".log"),
                result.output().getBytes(StandardCharsets.UTF_8), "text/plain;charset=utf-8")));
        steps.put(name, new QualityResult.Step(result.exitCode(), result.timedOut(),
                TextCut.tail(result.output(), properties.logTail())));
        return result;
    }
}
