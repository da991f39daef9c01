package dev.agentteam.cicd;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.agentteam.common.artifact.ArtifactKey;
import dev.agentteam.common.artifact.ArtifactRef;
import dev.agentteam.common.artifact.ArtifactStore;
import dev.agentteam.common.codehost.CiState;
import dev.agentteam.common.codehost.CodeHost;
import dev.agentteam.common.codehost.CodeHostException;
import dev.agentteam.common.codehost.CodeHosts;
import dev.agentteam.common.sandbox.SandboxUnavailableException;
import dev.agentteam.common.task.QualityCommands;
import dev.agentteam.common.task.QualityResult;
import dev.agentteam.common.task.TaskEnvelope;
import dev.agentteam.common.task.TaskResult;
import dev.agentteam.common.task.TextCut;
import dev.agentteam.common.testreport.TestCommandRunner;
import dev.agentteam.common.testreport.TestExecution;
import dev.agentteam.common.testreport.TestReport;
import dev.agentteam.common.worker.StepFailedException;
import dev.agentteam.common.worker.TaskHandler;
import dev.agentteam.common.worker.WorkerContext;
import dev.agentteam.common.workspace.GitWorkspace;
import dev.agentteam.common.workspace.GitWorkspaces;
import dev.agentteam.common.workspace.RemoteRepository;
import dev.agentteam.common.workspace.WorkspaceException;

/**
 * {@code cicd.run_ci}: CI for repositories without their own (the embedded forge). Clones the pull request's head,
 * runs the repository's test command in the sandbox, keeps the log and the test reports as artifacts, and reports
 * the commit status (pending, then success or failure). Then the repository's quality checks (lint, coverage,
 * security; {@link QualityChecks}), each reported as its own status {@code agent-team/<check>}. The result carries
 * the counts, every failing test and the quality outcomes.
 */
@Component
class RunCiHandler implements TaskHandler {

    static final String TYPE = "cicd.run_ci";
    private static final Logger log = LoggerFactory.getLogger(RunCiHandler.class);

    private final GitWorkspaces workspaces;
    private final TestCommandRunner tests;
    private final ArtifactStore artifacts;
    private final CodeHosts codeHosts;
    private final CicdAgentProperties properties;
    private final QualityChecks quality;

    RunCiHandler(GitWorkspaces workspaces, TestCommandRunner tests, ArtifactStore artifacts, CodeHosts codeHosts,
                 CicdAgentProperties properties, QualityChecks quality) {
        this.workspaces = workspaces;
        this.tests = tests;
        this.artifacts = artifacts;
        this.codeHosts = codeHosts;
        this.properties = properties;
        this.quality = quality;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public TaskResult handle(TaskEnvelope task, WorkerContext context) {
        CiAssignment ci = CiAssignment.runCi(task.payload());
        CodeHost host = codeHosts.forTarget(ci.target());
        status(host, ci, CiState.PENDING, "running " + ci.testCommand());
        for (String check : QualityCommands.CHECKS) {
            if (ci.quality().command(check) != null) {
                status(host, ci, "agent-team/" + check, CiState.PENDING, "waiting for the tests");
            }
        }
        TestExecution run;
        List<QualityChecks.Outcome> checks;
        try (GitWorkspace workspace = workspaces.open(task.taskId(),
                new RemoteRepository(ci.target().cloneUrl(), codeHosts.gitToken(ci.target())))) {
            workspace.checkoutCommit(ci.headSha());
            context.progress("running `" + ci.testCommand() + "` on " + ci.headSha());
            run = tests.run(workspace.directory(), ci.testCommand(), properties.testTimeout());
            checks = quality.run(workspace.directory(), ci.quality());
        } catch (WorkspaceException e) {
            status(host, ci, CiState.FAILURE, "could not check out the head commit");
            throw new StepFailedException("CI could not check out " + ci.headSha(), e);
        } catch (SandboxUnavailableException e) {
            status(host, ci, CiState.FAILURE, "the CI sandbox is not available");
            throw e;
        }
        for (QualityChecks.Outcome check : checks) {
            status(host, ci, check.context(), check.state(), check.description());
        }
        List<ArtifactRef> stored = store(task, run);
        boolean green = run.green();
        String summary = summary(run);
        status(host, ci, green ? CiState.SUCCESS : CiState.FAILURE, summary);
        log.info("CI of {}#{} at {}: {}", ci.target().fullName(), ci.number(), ci.headSha(), summary);
        return TaskResult.succeeded(task, context.workerId(), output(ci, run, green, summary, stored, checks), null);
    }

    private List<ArtifactRef> store(TaskEnvelope task, TestExecution run) {
        List<ArtifactRef> stored = new ArrayList<>();
        byte[] logBytes = run.process().output().getBytes(StandardCharsets.UTF_8);
        stored.add(ArtifactRef.of("ci-log", "ci-log.txt", artifacts.put(
                ArtifactKey.forTask(task.taskId(), task.attempt(), "ci-log.txt"), logBytes, "text/plain;charset=utf-8")));
        for (TestExecution.ReportFile file : run.reportFiles()) {
            stored.add(ArtifactRef.of("junit-xml", file.path(), artifacts.put(
                    ArtifactKey.forTask(task.taskId(), task.attempt(), "reports/" + file.path()), file.content(),
                    "application/xml")));
        }
        return stored;
    }

    private QualityResult.Ci output(CiAssignment ci, TestExecution run, boolean green, String summary,
                                    List<ArtifactRef> stored, List<QualityChecks.Outcome> checks) {
        return new QualityResult.Ci(green ? "success" : "failure", summary, ci.testCommand(), ci.prId(), ci.number(),
                ci.headSha(), run.process().exitCode(), run.process().timedOut(), run.process().duration().toMillis(),
                ResultParts.outcome(run.report()), TextCut.tail(run.process().output(), properties.logTail()),
                ResultParts.artifacts(stored), checks.stream().map(RunCiHandler::qualityResult).toList(), null, null);
    }

    private static QualityResult.Check qualityResult(QualityChecks.Outcome check) {
        return new QualityResult.Check(check.check(), check.context(), check.state().name(), check.description(),
                check.command(), check.exitCode(), check.percent(), check.logTail());
    }

    static String summary(TestExecution run) {
        TestReport r = run.report();
        if (run.process().timedOut()) {
            return "timed out after " + run.process().duration().toSeconds() + "s";
        }
        String counts = r.found() ? r.tests() + " tests, " + r.passed() + " passed, " + r.failures() + " failed, "
                + r.errors() + " errors, " + r.skipped() + " skipped" : "no test results found";
        return run.process().exitCode() == 0 ? counts : counts + " (exit " + run.process().exitCode() + ")";
    }

    private void status(CodeHost host, CiAssignment ci, CiState state, String description) {
        status(host, ci, properties.statusContext(), state, description);
    }

    private void status(CodeHost host, CiAssignment ci, String context, CiState state, String description) {
        try {
            host.setCommitStatus(ci.target().ref(), ci.headSha(), context, state, description, null);
        } catch (CodeHostException e) {
            throw new StepFailedException("could not report the CI status", e);
        }
    }
}
