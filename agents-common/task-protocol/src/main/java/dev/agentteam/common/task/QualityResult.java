package dev.agentteam.common.task;

import java.util.List;

import static dev.agentteam.common.task.TaskPayloads.required;

/**
 * The results of the quality tasks on a pull request (docs/adr/quality-reactions.md): CI ({@code cicd.run_ci} and
 * {@code cicd.follow_ci} share one shape), QA's triage, the review, and the staging deploy. The pull-request ones name
 * the pull request and the head they were about, so a result for an older head changes nothing.
 */
public final class QualityResult {

    private QualityResult() {
    }

    /**
     * {@code cicd.run_ci} and {@code cicd.follow_ci}: {@code conclusion} is success, failure, or for GitHub Actions also
     * pending and rerun_requested ({@code runs}, {@code rerunRuns}); {@code quality} holds the lint, coverage and
     * security checks {@code cicd.run_ci} ran.
     */
    public record Ci(String conclusion, String summary, String testCommand, Long prId, Integer number, String headSha,
                     Integer exitCode, Boolean timedOut, Long durationMs, TestOutcome report, String logTail,
                     List<Artifact> artifacts, List<Check> quality, List<WorkflowRun> runs, List<Long> rerunRuns)
            implements TaskOutput, CheckedPayload {

        public Ci {
            report = report == null ? TestOutcome.NONE : report;
            artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
            quality = quality == null ? List.of() : List.copyOf(quality);
            runs = runs == null ? List.of() : List.copyOf(runs);
            rerunRuns = rerunRuns == null ? List.of() : List.copyOf(rerunRuns);
        }

        @Override
        public void check() {
            required(conclusion, "conclusion");
            required(prId, "pr_id");
            required(headSha, "head_sha");
        }

        public boolean green() {
            return "success".equals(conclusion);
        }

        /** Success or failure: a verdict; pending and rerun_requested wait for GitHub to report again. */
        public boolean finished() {
            return green() || "failure".equals(conclusion);
        }
    }

    /** Test counts and failing tests as CI or a rerun found them; {@code source} says where from (junit-xml, …). */
    public record TestOutcome(int tests, int passed, int failures, int errors, int skipped, String source,
                              List<FailedTest> failed) {

        public static final TestOutcome NONE = new TestOutcome(0, 0, 0, 0, 0, "none", List.of());

        public TestOutcome {
            source = source == null ? "none" : source;
            failed = failed == null ? List.of() : List.copyOf(failed);
        }

        /** The counts as a test report has them; {@code passed} is what is left. */
        public static TestOutcome of(int tests, int failures, int errors, int skipped, String source, List<FailedTest> failed) {
            return new TestOutcome(tests, Math.max(0, tests - failures - errors - skipped), failures, errors, skipped, source,
                    failed);
        }
    }

    /** A test that did not pass; {@code kind} is failure (an assertion) or error (the test broke). */
    public record FailedTest(String name, String kind, String message) {

        public static FailedTest of(String name, boolean error, String message) {
            return new FailedTest(name, error ? "error" : "failure", message);
        }
    }

    /** An artifact the agent stored, for the orchestrator to record: kind (ci-log, junit-xml, …), name, storage key. */
    public record Artifact(String kind, String name, String key, String contentType, Long sizeBytes) {
    }

    /** One quality check of {@code cicd.run_ci}: its commit status context and state (SUCCESS, FAILURE, ERROR). */
    public record Check(String check, String context, String state, String description, String command, Integer exitCode,
                        Double percent, String logTail) {

        public boolean passed() {
            return "SUCCESS".equals(state);
        }
    }

    /** A GitHub Actions workflow run of the head. */
    public record WorkflowRun(Long id, String name, String status, String conclusion, Integer attempt) {
    }

    /**
     * {@code qa.triage}: {@code verdict} clean (CI was green: no rerun, nothing classified) or the triage's verdict;
     * each failure with its classification, the regressions and infrastructure failures again on their own, the flaky
     * tests by name, and the rerun.
     */
    public record Triage(String verdict, Long prId, Integer number, String headSha, Long ciTaskId,
                         List<ChangeRound.Failure> failures, List<ChangeRound.Failure> regressions, List<String> flaky,
                         List<ChangeRound.Failure> infrastructure, Rerun rerun, Boolean commentPosted)
            implements TaskOutput, CheckedPayload {

        public static final String CLEAN = "clean";

        public Triage {
            failures = failures == null ? List.of() : List.copyOf(failures);
            regressions = regressions == null ? List.of() : List.copyOf(regressions);
            flaky = flaky == null ? List.of() : List.copyOf(flaky);
            infrastructure = infrastructure == null ? List.of() : List.copyOf(infrastructure);
        }

        @Override
        public void check() {
            required(verdict, "verdict");
            if (!clean()) {
                required(prId, "pr_id");
                required(headSha, "head_sha");
            }
        }

        public boolean clean() {
            return CLEAN.equals(verdict);
        }
    }

    /** QA's rerun of the tests on the same commit. */
    public record Rerun(TestOutcome report, Integer exitCode, Boolean timedOut, Long durationMs) {

        public Rerun {
            report = report == null ? TestOutcome.NONE : report;
        }
    }

    /**
     * {@code review.review_pr}: {@code verdict} approve or changes_requested, the findings (also posted inline where
     * the forge took them), the label set, the round, and whether the last allowed round still asks for changes.
     */
    public record Review(String verdict, String summary, List<ChangeRound.ReviewComment> comments, Integer inlineComments,
                         String label, Integer round, Boolean needsHuman, Long prId, Integer number, String headSha)
            implements TaskOutput, CheckedPayload {

        public static final String APPROVE = "approve";
        public static final String CHANGES_REQUESTED = "changes_requested";

        public Review {
            comments = comments == null ? List.of() : List.copyOf(comments);
            needsHuman = Boolean.TRUE.equals(needsHuman);
            round = round == null ? 0 : round;
        }

        @Override
        public void check() {
            required(verdict, "verdict");
            required(prId, "pr_id");
            required(headSha, "head_sha");
        }

        public boolean approved() {
            return APPROVE.equals(verdict);
        }
    }

    /** {@code cicd.deploy}: success, failure, or skipped (no deploy command configured), with each step's outcome. */
    public record Deploy(String mergeSha, String conclusion, Step deploy, Step smoke, List<Artifact> artifacts)
            implements TaskOutput {

        public Deploy {
            artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
        }
    }

    /** One deploy step run in the sandbox. */
    public record Step(Integer exitCode, Boolean timedOut, String logTail) {
    }
}
