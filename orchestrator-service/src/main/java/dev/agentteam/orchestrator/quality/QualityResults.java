package dev.agentteam.orchestrator.quality;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.agentteam.common.task.ChangeRound;
import dev.agentteam.common.task.InvalidPayloadException;
import dev.agentteam.common.task.PullRequestTarget;
import dev.agentteam.common.task.QualityResult;
import dev.agentteam.common.task.QualityTask;
import dev.agentteam.common.task.TaskPayloads;
import dev.agentteam.common.task.TaskResults;
import dev.agentteam.common.task.TaskType;
import dev.agentteam.orchestrator.pullrequest.PullRequestView;
import dev.agentteam.orchestrator.pullrequest.PullRequests;
import dev.agentteam.orchestrator.coderepository.ForgeType;
import dev.agentteam.orchestrator.coderepository.Repositories;
import dev.agentteam.orchestrator.coderepository.RepositoryView;
import dev.agentteam.orchestrator.task.NewTask;
import dev.agentteam.orchestrator.task.TaskFailed;
import dev.agentteam.orchestrator.task.TaskSucceeded;
import dev.agentteam.orchestrator.task.TaskView;
import dev.agentteam.orchestrator.task.Tasks;

/**
 * What follows from the quality agents' results: CI → ci_status, a test run, artifacts, and {@code qa.triage} (a
 * classification when red, an all-clear comment when green); QA → a test run, flaky tests, and {@code dev.fix_regression} for regressions; review → review_status
 * and rounds, and {@code dev.address_review} when changes are requested ({@link ChangeRounds} bounds both change rounds). On GitHub,
 * {@code cicd.follow_ci} results count as CI results, and flaky tests get the failed Actions jobs re-run once. Each result is applied
 * after its task's result committed, in a transaction of its own.
 */
@Component
class QualityResults {

    static final String TRIAGE = "qa.triage";
    private static final Logger log = LoggerFactory.getLogger(QualityResults.class);

    private final PullRequests pullRequests;
    private final Repositories repositories;
    private final Tasks tasks;
    private final QualityRecords records;
    private final QualityProperties properties;
    private final ChangeRounds rounds;
    private final DefinitionOfDoneBoxes doneBoxes;

    QualityResults(PullRequests pullRequests, Repositories repositories, Tasks tasks, QualityRecords records,
                   QualityProperties properties, ChangeRounds rounds, DefinitionOfDoneBoxes doneBoxes) {
        this.rounds = rounds;
        this.doneBoxes = doneBoxes;
        this.pullRequests = pullRequests;
        this.repositories = repositories;
        this.tasks = tasks;
        this.records = records;
        this.properties = properties;
    }

    // The condition keeps other tasks' results out of the event publication registry (no row written and deleted).
    @TransactionalEventListener(fallbackExecution = true, condition = "{'" + PullRequestChecks.RUN_CI + "', '"
            + PullRequestChecks.FOLLOW_CI + "', '" + TRIAGE + "', '" + PullRequestChecks.REVIEW + "'}.contains(#done.type())")
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(TaskSucceeded done) {
        switch (done.type()) {
            case PullRequestChecks.RUN_CI -> ci(done);
            // GitHub Actions: only a finished run is a CI result; pending and rerun_requested wait for GitHub
            case PullRequestChecks.FOLLOW_CI -> {
                if (done.result(QualityResult.Ci.class).finished()) {
                    ci(done);
                }
            }
            case TRIAGE -> triaged(done);
            case PullRequestChecks.REVIEW -> reviewed(done);
            default -> { }
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(TaskFailed failed) {
        if (!PullRequestChecks.RUN_CI.equals(failed.type())) {
            return;
        }
        // CI could not run at all (no sandbox, repository gone): the PR shows ERROR instead of RUNNING for ever
        tasks.find(failed.taskId()).flatMap(task -> ciPullRequest(task.payload())).ifPresent(pr -> {
            records.ciStatus(pr.id(), pr.headSha(), "ERROR");
            log.warn("CI task {} gave up: {}", failed.taskId(), failed.error());
        });
    }

    /** The pull request a CI task was about; empty when its payload was refused (it never named one). */
    private static java.util.Optional<PullRequestTarget> ciPullRequest(Map<String, Object> payload) {
        try {
            return java.util.Optional.of(TaskPayloads.read(payload, QualityTask.RunCi.class).pullRequest());
        } catch (InvalidPayloadException e) {
            return java.util.Optional.empty();
        }
    }

    private void ci(TaskSucceeded done) {
        QualityResult.Ci out = done.result(QualityResult.Ci.class);
        long prId = out.prId();
        String sha = out.headSha();
        boolean current = records.ciStatus(prId, sha, out.green() ? "SUCCESS" : "FAILURE");
        QualityResult.TestOutcome report = out.report();
        records.testRun(done.storyId(), prId, done.taskId(), "ci", sha, report.passed(), report.failures() + report.errors(),
                report.skipped());
        records.artifacts(done.taskId(), prId, out.artifacts());
        if (current && PullRequestChecks.RUN_CI.equals(done.type())) {
            doneBoxes.update(prId, sha, out);
        }
        // QA comments on every CI result of the current head: a classification when red, the all-clear when green.
        if (current && properties.triage()) {
            var ci = new QualityTask.CiOutcome(done.taskId(), TaskPayloads.toMap(report), out.timedOut(), out.exitCode(),
                    out.logTail());
            context(prId).ifPresent(c -> tasks.create(new NewTask(TaskType.QA_TRIAGE, null, done.storyId(),
                    new QualityTask.Triage(c.repository().taskTarget(), c.pr().taskTarget(), c.pr().storyId(), ci))));
        }
    }

    private void triaged(TaskSucceeded done) {
        QualityResult.Triage out = done.result(QualityResult.Triage.class);
        if (out.clean()) {
            return; // CI was green: no rerun happened, so there is no test run, flaky test or regression to record
        }
        long prId = out.prId();
        String sha = out.headSha();
        QualityResult.TestOutcome rerun = out.rerun() == null ? QualityResult.TestOutcome.NONE : out.rerun().report();
        long qaRun = records.testRun(done.storyId(), prId, done.taskId(), "qa", sha, rerun.passed(),
                rerun.failures() + rerun.errors(), rerun.skipped());
        List<String> flaky = out.flaky();
        if (!flaky.isEmpty()) {
            // the flaky test failed in the CI run: that run is the one it is recorded against
            Long ciTask = out.ciTaskId();
            long run = ciTask == null ? qaRun : records.testRunOfTask(ciTask, "ci").orElse(qaRun);
            records.flaky(run, flaky);
            // on GitHub the failed Actions jobs are re-run once, so the PR's check turns green without a new push
            context(prId).filter(c -> c.repository().forge() == ForgeType.GITHUB && sha.equals(c.pr().headSha()))
                    .filter(c -> out.regressions().isEmpty())
                    .ifPresent(c -> tasks.create(new NewTask(TaskType.CICD_FOLLOW_CI, null, done.storyId(),
                            new QualityTask.FollowCi(c.repository().taskTarget(), c.pr().taskTarget(), c.pr().storyId(), true))));
        }
        List<ChangeRound.Failure> regressions = out.regressions();
        if (!regressions.isEmpty() && properties.fixRegressions()) {
            String ciLog = out.ciTaskId() == null ? null : tasks.find(out.ciTaskId()).map(this::ciLog).orElse(null);
            context(prId).filter(c -> sha.equals(c.pr().headSha())).ifPresent(c ->
                    rounds.fixRegression(c.repository(), c.pr(), done.storyId(), regressions, done.taskId(), ciLog));
        }
    }

    /** The log tail of the CI task QA triaged, when it succeeded with a result of its type. */
    private String ciLog(TaskView ci) {
        return ci.result() == null ? null : TaskType.fromKey(ci.type())
                .filter(type -> TaskResults.recordOf(type) == QualityResult.Ci.class)
                .map(type -> TaskResults.read(type, ci.result(), QualityResult.Ci.class).logTail()).orElse(null);
    }

    private void reviewed(TaskSucceeded done) {
        QualityResult.Review out = done.result(QualityResult.Review.class);
        long prId = out.prId();
        boolean approved = out.approved();
        boolean needsHuman = out.needsHuman();
        int round = out.round();
        String sha = out.headSha();
        // a review of an earlier head (a change round pushed since) no longer counts: its verdict changes nothing
        boolean current = records.reviewed(prId, sha, approved ? "APPROVED" : needsHuman ? "NEEDS_HUMAN" : "CHANGES_REQUESTED",
                round);
        if (!current || approved || !properties.addressReviews()) {
            return;
        }
        ChangeRound.Review review = new ChangeRound.Review(done.taskId(), round, out.summary(), out.comments());
        context(prId).filter(c -> c.pr().open() && sha.equals(c.pr().headSha()))
                .ifPresent(c -> rounds.addressReview(c.repository(), c.pr(), done.storyId(), review, needsHuman));
    }

    private java.util.Optional<Context> context(long prId) {
        return pullRequests.find(prId).filter(PullRequestView::open).flatMap(pr -> pr.repositoryId() == null
                ? java.util.Optional.empty()
                : repositories.find(pr.repositoryId()).map(repository -> new Context(repository, pr)));
    }

    private record Context(RepositoryView repository, PullRequestView pr) {
    }
}
