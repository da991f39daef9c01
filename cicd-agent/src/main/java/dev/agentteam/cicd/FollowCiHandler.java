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
import dev.agentteam.common.codehost.GitHubActions;
import dev.agentteam.common.codehost.RateLimitedException;
import dev.agentteam.common.codehost.RepositoryRef;
import dev.agentteam.common.task.TaskEnvelope;
import dev.agentteam.common.task.TaskResult;
import dev.agentteam.common.task.TextCut;
import dev.agentteam.common.testreport.ConsoleLogs;
import dev.agentteam.common.testreport.TestFailure;
import dev.agentteam.common.testreport.TestReport;
import dev.agentteam.common.worker.TaskHandler;
import dev.agentteam.common.worker.TransientTaskException;
import dev.agentteam.common.worker.WorkerContext;

/**
 * {@code cicd.follow_ci}: GitHub repositories run their own CI (Actions). This reads the workflow runs of the pull
 * request's head: a failed run → each failed job's log kept as an artifact and read for test counts and failures
 * (even while other runs still go); otherwise {@code pending} until all runs finished, then {@code success}. With {@code "rerun_failed": true} in the payload (QA suspects a flaky test) the failed
 * jobs of runs on their first attempt are re-run once ({@code rerun_requested}); GitHub then reports again.
 */
@Component
class FollowCiHandler implements TaskHandler {

    static final String TYPE = "cicd.follow_ci";
    private static final Logger log = LoggerFactory.getLogger(FollowCiHandler.class);

    private final GitHubActions actions;
    private final ArtifactStore artifacts;
    private final CicdAgentProperties properties;

    FollowCiHandler(GitHubActions actions, ArtifactStore artifacts, CicdAgentProperties properties) {
        this.actions = actions;
        this.artifacts = artifacts;
        this.properties = properties;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public TaskResult handle(TaskEnvelope task, WorkerContext context) {
        CiAssignment ci = CiAssignment.followCi(task.payload());
        if (ci.target().embedded()) {
            throw new IllegalArgumentException("cicd.follow_ci is for GitHub repositories; the embedded forge uses cicd.run_ci");
        }
        RepositoryRef ref = ci.target().ref();
        try {
            List<GitHubActions.WorkflowRun> runs = actions.runs(ref, ci.headSha());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("pr_id", ci.prId());
            out.put("number", ci.number());
            out.put("head_sha", ci.headSha());
            out.put("runs", runs.stream().map(r -> Map.of("id", r.id(), "name", r.name(), "status", r.status(),
                    "conclusion", String.valueOf(r.conclusion()), "attempt", r.attempt())).toList());
            // a failed run is a verdict even while other runs still go; without one, wait for all of them
            List<GitHubActions.WorkflowRun> failed = runs.stream().filter(GitHubActions.WorkflowRun::failed).toList();
            if (failed.isEmpty()) {
                boolean done = !runs.isEmpty() && runs.stream().allMatch(GitHubActions.WorkflowRun::completed);
                out.put("conclusion", done ? "success" : "pending");
                return TaskResult.succeeded(task, context.workerId(), out, null);
            }
            if (ci.rerunFailed()) {
                List<Long> rerun = new ArrayList<>();
                for (GitHubActions.WorkflowRun run : failed) {
                    if (run.attempt() == 1) {
                        actions.rerunFailedJobs(ref, run.id());
                        rerun.add(run.id());
                    }
                }
                if (!rerun.isEmpty()) {
                    out.put("conclusion", "rerun_requested");
                    out.put("rerun_runs", rerun);
                    log.info("Re-running failed jobs of runs {} on {}@{}", rerun, ref, ci.headSha());
                    return TaskResult.succeeded(task, context.workerId(), out, null);
                }
            }
            failure(task, ref, failed, out);
            return TaskResult.succeeded(task, context.workerId(), out, null);
        } catch (RateLimitedException e) {
            throw new TransientTaskException("GitHub rate limit while following CI", e.retryAfter(), e);
        }
    }

    private void failure(TaskEnvelope task, RepositoryRef ref, List<GitHubActions.WorkflowRun> failed,
                         Map<String, Object> out) {
        int tests = 0;
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        List<TestFailure> failing = new ArrayList<>();
        List<ArtifactRef> stored = new ArrayList<>();
        StringBuilder tail = new StringBuilder();
        boolean timedOut = false;
        for (GitHubActions.WorkflowRun run : failed) {
            for (GitHubActions.WorkflowJob job : actions.failedJobs(ref, run.id())) {
                String logText = actions.jobLog(ref, job.id(), 2_000_000);
                timedOut |= "timed_out".equals(job.conclusion());
                String name = "job-" + job.id() + ".log";
                stored.add(ArtifactRef.of("ci-log", run.name() + " / " + job.name(), artifacts.put(
                        ArtifactKey.forTask(task.taskId(), task.attempt(), name), logText.getBytes(StandardCharsets.UTF_8),
                        "text/plain;charset=utf-8")));
                TestReport report = ConsoleLogs.parse(logText);
                tests += report.tests();
                failures += report.failures();
                errors += report.errors();
                skipped += report.skipped();
                failing.addAll(report.failed());
                tail.append("== ").append(run.name()).append(" / ").append(job.name()).append(" (").append(job.conclusion())
                        .append(")\n").append(TextCut.tail(logText, properties.logTail())).append('\n');
            }
        }
        TestReport report = new TestReport(tests, failures, errors, skipped, failing, tests > 0 ? "github-actions-log" : "none");
        out.put("conclusion", "failure");
        out.put("report", report.toMap());
        out.put("timed_out", timedOut);
        out.put("log_tail", TextCut.tail(tail.toString(), properties.logTail()));
        out.put("artifacts", stored.stream().map(ArtifactRef::toMap).toList());
    }
}
