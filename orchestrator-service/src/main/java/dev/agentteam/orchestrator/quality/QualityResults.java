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
import dev.agentteam.common.task.TaskPayloads;
import dev.agentteam.common.task.QualityTask;
import dev.agentteam.common.task.TaskType;
import dev.agentteam.orchestrator.pullrequest.PullRequestView;
import dev.agentteam.orchestrator.pullrequest.PullRequests;
import dev.agentteam.orchestrator.coderepository.ForgeType;
import dev.agentteam.orchestrator.coderepository.Repositories;
import dev.agentteam.orchestrator.coderepository.RepositoryView;
import dev.agentteam.orchestrator.task.NewTask;
import dev.agentteam.orchestrator.task.TaskFailed;
import dev.agentteam.orchestrator.task.TaskSucceeded;
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
                if ("success".equals(done.output().get("conclusion")) || "failure".equals(done.output().get("conclusion"))) {
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
        tasks.find(failed.taskId()).ifPresent(task -> {
            if (task.payload().get("pull_request") instanceof Map<?, ?> pr) {
                records.ciStatus(number(pr.get("id")), String.valueOf(pr.get("head_sha")), "ERROR");
                log.warn("CI task {} gave up: {}", failed.taskId(), failed.error());
            }
        });
    }

    private void ci(TaskSucceeded done) {
        Map<String, Object> out = done.output();
        long prId = number(out.get("pr_id"));
        String sha = String.valueOf(out.get("head_sha"));
        boolean green = "success".equals(out.get("conclusion"));
        boolean current = records.ciStatus(prId, sha, green ? "SUCCESS" : "FAILURE");
        Map<?, ?> report = out.get("report") instanceof Map<?, ?> r ? r : Map.of();
        records.testRun(done.storyId(), prId, done.taskId(), "ci", sha, (int) number(report.get("passed")),
                (int) (number(report.get("failures")) + number(report.get("errors"))), (int) number(report.get("skipped")));
        records.artifacts(done.taskId(), prId, maps(out.get("artifacts")));
        if (current && PullRequestChecks.RUN_CI.equals(done.type())) {
            doneBoxes.update(prId, sha, out);
        }
        // QA comments on every CI result of the current head: a classification when red, the all-clear when green.
        if (current && properties.triage()) {
            @SuppressWarnings("unchecked")
            var ci = new QualityTask.CiOutcome(done.taskId(), (Map<String, Object>) report,
                    out.get("timed_out") instanceof Boolean timedOut ? timedOut : null,
                    out.get("exit_code") instanceof Number code ? code.intValue() : null,
                    out.get("log_tail") == null ? null : String.valueOf(out.get("log_tail")));
            context(prId).ifPresent(c -> tasks.create(new NewTask(TaskType.QA_TRIAGE, null, done.storyId(),
                    new QualityTask.Triage(c.repository().taskTarget(), c.pr().taskTarget(), c.pr().storyId(), ci))));
        }
    }

    private void triaged(TaskSucceeded done) {
        Map<String, Object> out = done.output();
        if ("clean".equals(out.get("verdict"))) {
            return; // CI was green: no rerun happened, so there is no test run, flaky test or regression to record
        }
        long prId = number(out.get("pr_id"));
        String sha = String.valueOf(out.get("head_sha"));
        Map<?, ?> rerun = out.get("rerun") instanceof Map<?, ?> r && r.get("report") instanceof Map<?, ?> rep ? rep : Map.of();
        long qaRun = records.testRun(done.storyId(), prId, done.taskId(), "qa", sha, (int) number(rerun.get("passed")),
                (int) (number(rerun.get("failures")) + number(rerun.get("errors"))), (int) number(rerun.get("skipped")));
        List<String> flaky = out.get("flaky") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
        if (!flaky.isEmpty()) {
            // the flaky test failed in the CI run: that run is the one it is recorded against
            Long ciTask = out.get("ci_task_id") == null ? null : number(out.get("ci_task_id"));
            long run = ciTask == null ? qaRun : records.testRunOfTask(ciTask, "ci").orElse(qaRun);
            records.flaky(run, flaky);
            // on GitHub the failed Actions jobs are re-run once, so the PR's check turns green without a new push
            context(prId).filter(c -> c.repository().forge() == ForgeType.GITHUB && sha.equals(c.pr().headSha()))
                    .filter(c -> out.get("regressions") instanceof List<?> r && r.isEmpty())
                    .ifPresent(c -> tasks.create(new NewTask(TaskType.CICD_FOLLOW_CI, null, done.storyId(),
                            new QualityTask.FollowCi(c.repository().taskTarget(), c.pr().taskTarget(), c.pr().storyId(), true))));
        }
        List<ChangeRound.Failure> regressions = maps(out.get("regressions")).stream()
                .map(item -> TaskPayloads.read(item, ChangeRound.Failure.class)).toList();
        if (!regressions.isEmpty() && properties.fixRegressions()) {
            String ciLog = out.get("ci_task_id") == null ? null : tasks.find(number(out.get("ci_task_id")))
                    .map(ci -> ci.result() == null ? null : ci.result().get("log_tail")).map(String::valueOf).orElse(null);
            context(prId).filter(c -> sha.equals(c.pr().headSha())).ifPresent(c ->
                    rounds.fixRegression(c.repository(), c.pr(), done.storyId(), regressions, done.taskId(), ciLog));
        }
    }

    private void reviewed(TaskSucceeded done) {
        Map<String, Object> out = done.output();
        long prId = number(out.get("pr_id"));
        boolean approved = "approve".equals(out.get("verdict"));
        boolean needsHuman = Boolean.TRUE.equals(out.get("needs_human"));
        int round = (int) number(out.get("round"));
        String sha = String.valueOf(out.get("head_sha"));
        // a review of an earlier head (a change round pushed since) no longer counts: its verdict changes nothing
        boolean current = records.reviewed(prId, sha, approved ? "APPROVED" : needsHuman ? "NEEDS_HUMAN" : "CHANGES_REQUESTED",
                round);
        if (!current || approved || !properties.addressReviews()) {
            return;
        }
        List<ChangeRound.ReviewComment> comments = maps(out.get("comments")).stream()
                .map(item -> TaskPayloads.read(item, ChangeRound.ReviewComment.class)).toList();
        ChangeRound.Review review = new ChangeRound.Review(done.taskId(), round,
                out.get("summary") == null ? null : String.valueOf(out.get("summary")), comments);
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

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object value) {
        return value instanceof List<?> list ? list.stream().filter(Map.class::isInstance)
                .map(m -> (Map<String, Object>) m).toList() : List.of();
    }

    private static long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        return value == null ? 0 : Long.parseLong(value.toString());
    }
}
