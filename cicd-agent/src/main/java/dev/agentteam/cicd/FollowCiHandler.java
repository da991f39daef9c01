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
import dev.agentteam.common.codehost.CodeHostException;
import dev.agentteam.common.codehost.GitHubActions;
import dev.agentteam.common.codehost.RepositoryRef;
import dev.agentteam.common.task.QualityResult;
import dev.agentteam.common.task.TaskEnvelope;
import dev.agentteam.common.task.TaskResult;
import dev.agentteam.common.task.TextCut;
import dev.agentteam.common.testreport.ConsoleLogs;
import dev.agentteam.common.testreport.TestFailure;
import dev.agentteam.common.testreport.TestReport;
import dev.agentteam.common.worker.StepFailedException;
import dev.agentteam.common.worker.TaskHandler;
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
            List<QualityResult.WorkflowRun> seen = runs.stream().map(r -> new QualityResult.WorkflowRun(r.id(), r.name(),
                    r.status(), String.valueOf(r.conclusion()), r.attempt())).toList();
            // a failed run is a verdict even while other runs still go; without one, wait for all of them
            List<GitHubActions.WorkflowRun> failed = runs.stream().filter(GitHubActions.WorkflowRun::failed).toList();
            if (failed.isEmpty()) {
                boolean done = !runs.isEmpty() && runs.stream().allMatch(GitHubActions.WorkflowRun::completed);
                return succeeded(task, context, verdict(ci, done ? "success" : "pending", seen, List.of()));
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
                    log.info("Re-running failed jobs of runs {} on {}@{}", rerun, ref, ci.headSha());
                    return succeeded(task, context, verdict(ci, "rerun_requested", seen, rerun));
                }
            }
            return succeeded(task, context, failure(task, ref, failed, ci, seen));
        } catch (CodeHostException e) {
            throw new StepFailedException("could not follow CI on GitHub", e);
        }
    }

    private static TaskResult succeeded(TaskEnvelope task, WorkerContext context, QualityResult.Ci result) {
        return TaskResult.succeeded(task, context.workerId(), result, null);
    }

    private static QualityResult.Ci verdict(CiAssignment ci, String conclusion, List<QualityResult.WorkflowRun> runs,
                                            List<Long> rerun) {
        return new QualityResult.Ci(conclusion, null, null, ci.prId(), ci.number(), ci.headSha(), null, null, null, null,
                null, null, null, runs, rerun);
    }

    private QualityResult.Ci failure(TaskEnvelope task, RepositoryRef ref, List<GitHubActions.WorkflowRun> failed,
                                     CiAssignment ci, List<QualityResult.WorkflowRun> runs) {
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
        return new QualityResult.Ci("failure", null, null, ci.prId(), ci.number(), ci.headSha(), null, timedOut, null,
                ResultParts.outcome(report), TextCut.tail(tail.toString(), properties.logTail()),
                ResultParts.artifacts(stored), null, runs, null);
    }
}
