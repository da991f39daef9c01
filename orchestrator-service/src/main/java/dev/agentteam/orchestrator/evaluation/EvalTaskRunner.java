package dev.agentteam.orchestrator.evaluation;

import dev.agentteam.common.task.TaskState;
import dev.agentteam.orchestrator.backlog.AcceptanceCriterion;
import dev.agentteam.orchestrator.backlog.Epics;
import dev.agentteam.orchestrator.backlog.NewEpic;
import dev.agentteam.orchestrator.backlog.NewStory;
import dev.agentteam.orchestrator.backlog.Stories;
import dev.agentteam.orchestrator.backlog.StoryStatus;
import dev.agentteam.orchestrator.history.ChangedBy;
import dev.agentteam.orchestrator.devwork.DevDispatch;
import dev.agentteam.orchestrator.task.TaskView;
import dev.agentteam.orchestrator.task.Tasks;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.ErrorResponseException;
import org.springframework.stereotype.Component;

/**
 * Runs one task of a run: its repository and story, the dispatch to the Dev agent, the wait for the team, the verdict
 * of the held-out tests, and the measurements. Restartable: a task whose story exists is only awaited again.
 */
@Component
class EvalTaskRunner {

    private static final Logger log = LoggerFactory.getLogger(EvalTaskRunner.class);

    private final JdbcClient jdbc;
    private final EvalRepositories repositories;
    private final Epics epics;
    private final Stories stories;
    private final DevDispatch dispatch;
    private final Tasks tasks;
    private final HeldOutJudge judge;
    private final EvalProperties properties;
    private final EvalVerdicts verdicts;

    EvalTaskRunner(JdbcClient jdbc, EvalRepositories repositories, Epics epics, Stories stories, DevDispatch dispatch,
                   Tasks tasks, HeldOutJudge judge, EvalProperties properties, EvalVerdicts verdicts) {
        this.jdbc = jdbc;
        this.epics = epics;
        this.repositories = repositories;
        this.stories = stories;
        this.dispatch = dispatch;
        this.tasks = tasks;
        this.judge = judge;
        this.properties = properties;
        this.verdicts = verdicts;
    }

    /** The settings of the run a task belongs to. */
    record RunSettings(long runId, String mode, Duration timeout, long createdBy) {

        boolean devOnly() {
            return "dev".equals(mode);
        }
    }

    void run(RunSettings run, EvalTask task) {
        Map<String, Object> row = jdbc.sql("select status, story_id, started_at from eval_results where run_id = ? and task_key = ?")
                .params(run.runId(), task.id()).query().singleRow();
        if ("DONE".equals(row.get("status"))) {
            return;
        }
        Instant started = row.get("started_at") instanceof Timestamp t ? t.toInstant() : Instant.now();
        // a cancelled run has ended its unfinished tasks already (status DONE): those never start
        if (jdbc.sql("update eval_results set status = 'RUNNING', started_at = ? where run_id = ? and task_key = ? and status <> 'DONE'")
                .params(Timestamp.from(started), run.runId(), task.id()).update() == 0) {
            return;
        }
        Long storyId = row.get("story_id") instanceof Number n ? n.longValue() : null;
        EvalOutcome outcome;
        try {
            if (storyId == null) {
                storyId = prepare(run, task);
            }
            outcome = await(run, task, storyId, started.plus(run.timeout()));
        } catch (RuntimeException e) {
            log.warn("evaluation run {} task {} failed: {}", run.runId(), task.id(), e.toString());
            outcome = new EvalOutcome("error", e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        }
        verdicts.write(run.runId(), task.id(), storyId, outcome, started);
    }

    private long prepare(RunSettings run, EvalTask task) {
        EvalRepositories.Prepared repository = repositories.create(run.runId(), task);
        long epicId = epics.submitRefined(new NewEpic("Evaluation run " + run.runId() + ": " + task.id(), "Benchmark task "
                + task.id() + " (" + task.source().describe() + ")", run.createdBy(), repository.id()),
                "evaluation run " + run.runId()).id();
        List<AcceptanceCriterion> criteria = task.acceptanceCriteria().stream()
                .map(c -> new AcceptanceCriterion("the story is implemented", "it is checked", c)).toList();
        long storyId = stories.add(epicId, new NewStory(task.title(), task.statement(), criteria, 1, 1, StoryStatus.READY,
                List.of())).id();
        jdbc.sql("update eval_results set story_id = ?, repository = ? where run_id = ? and task_key = ?")
                .params(storyId, repository.name(), run.runId(), task.id()).update();
        handOver(storyId, run.runId());
        return storyId;
    }

    /**
     * The dispatcher's own way when its rules let the story in (or the READY event already did), else by hand as a
     * person would — past the sprint and WIP rules, so an evaluation runs in either delivery mode.
     */
    private void handOver(long storyId, long runId) {
        if (dispatch.dispatch(storyId).isPresent() || hasDevTask(storyId)) {
            return;
        }
        try {
            dispatch.start(storyId, ChangedBy.system("evaluation run " + runId));
        } catch (ErrorResponseException refused) {
            if (!hasDevTask(storyId)) {
                throw refused;
            }
        }
    }

    private boolean hasDevTask(long storyId) {
        return tasks.forStory(storyId).stream().anyMatch(t -> t.type().startsWith("dev."));
    }

    private EvalOutcome await(RunSettings run, EvalTask task, long storyId, Instant deadline) {
        Instant quietSince = null;
        while (Instant.now().isBefore(deadline)) {
            if (cancelled(run.runId())) {
                stopStory(storyId, ChangedBy.system("evaluation run " + run.runId() + " cancelled"));
                return new EvalOutcome("cancelled", "the run was cancelled", prNumber(storyId));
            }
            List<TaskView> all = tasks.forStory(storyId);
            List<TaskView> dev = all.stream().filter(t -> t.type().startsWith("dev.")).sorted(Comparator.comparingLong(TaskView::id)).toList();
            if (dev.isEmpty()) {
                log.debug("evaluation story {} has no dev task yet", storyId);
            } else if (dev.stream().anyMatch(t -> t.status() == TaskState.BLOCKED)) {
                return new EvalOutcome("clarify", "the agent asked: " + questions(dev), prNumber(storyId));
            } else if (run.devOnly() && dev.get(0).ended()) {
                return verdict(task, storyId, dev.get(0));
            } else if (!run.devOnly()) {
                boolean busy = all.stream().anyMatch(t -> !t.ended() && t.status() != TaskState.BLOCKED);
                quietSince = busy ? null : quietSince == null ? Instant.now() : quietSince;
                if (quietSince != null && Duration.between(quietSince, Instant.now()).compareTo(properties.settle()) >= 0) {
                    return verdict(task, storyId, dev.get(dev.size() - 1));
                }
            }
            sleep();
        }
        Optional<String[]> pr = latestPullRequest(storyId);
        if (pr.isPresent()) {
            HeldOutJudge.Verdict verdict = judge.judge(repositoryOf(storyId), pr.get()[1], task, testCommand(storyId, task));
            if (verdict.passed()) {
                return new EvalOutcome("solved", "judged at the time limit: " + verdict.summary(), Integer.valueOf(pr.get()[0]));
            }
        }
        return new EvalOutcome("timeout", "no verdict within " + run.timeout(), prNumber(storyId));
    }

    private boolean cancelled(long runId) {
        return "CANCELLED".equals(jdbc.sql("select status from eval_runs where id = ?").param(runId).query(String.class).single());
    }

    /**
     * Cancels the story of a task whose run was cancelled, so that nothing new starts for it (a dispatch, a change
     * round). A task an agent is working on finishes its attempt. A story already DONE or CANCELLED stays as it is.
     */
    void stopStory(long storyId, ChangedBy by) {
        try {
            stories.cancel(storyId, by);
        } catch (ErrorResponseException alreadyEnded) {
            log.debug("story {} of a cancelled evaluation stays {}", storyId, alreadyEnded.getBody().getDetail());
        }
    }

    private EvalOutcome verdict(EvalTask task, long storyId, TaskView lastDev) {
        Optional<String[]> pr = latestPullRequest(storyId);
        if (pr.isEmpty()) {
            String error = lastDev.lastError() == null ? "the agent opened no pull request" : lastDev.lastError();
            return new EvalOutcome(error.contains("budget '") ? "budget" : lastDev.status() == TaskState.SUCCEEDED
                    || error.contains("tests still fail") || error.contains("empty answer") || error.contains("changed nothing")
                    ? "no_pr" : "error", error, null);
        }
        HeldOutJudge.Verdict verdict = judge.judge(repositoryOf(storyId), pr.get()[1], task, testCommand(storyId, task));
        return new EvalOutcome(verdict.passed() ? "solved" : verdict.judged() ? "tests" : "error", verdict.summary(),
                Integer.valueOf(pr.get()[0]));
    }

    private String repositoryOf(long storyId) {
        return jdbc.sql("select repository from eval_results where story_id = ?").param(storyId).query(String.class).single();
    }

    private String testCommand(long storyId, EvalTask task) {
        if (task.testCommand() != null) {
            return task.testCommand();
        }
        return jdbc.sql("""
                        select r.test_command from stories s join epics e on e.id = s.epic_id
                        join repositories r on r.id = e.repository_id where s.id = ?""")
                .param(storyId).query(String.class).single();
    }

    /** The number and head commit of the story's newest pull request. */
    private Optional<String[]> latestPullRequest(long storyId) {
        return jdbc.sql("select pr_number, head_sha from pr_records where story_id = ? order by id desc limit 1").param(storyId)
                .query((rs, n) -> new String[]{String.valueOf(rs.getInt("pr_number")), rs.getString("head_sha")}).optional();
    }

    private Integer prNumber(long storyId) {
        return latestPullRequest(storyId).map(pr -> Integer.valueOf(pr[0])).orElse(null);
    }

    private String questions(List<TaskView> dev) {
        return String.join(" | ", jdbc.sql("""
                        select jsonb_array_elements_text(questions) from clarifications where task_id = ? order by id""")
                .param(dev.get(dev.size() - 1).id()).query(String.class).list());
    }

    private void sleep() {
        try {
            Thread.sleep(properties.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the team", e);
        }
    }
}
