package dev.agentteam.orchestrator.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.json.JsonMapper;

import dev.agentteam.orchestrator.backlog.Stories;
import dev.agentteam.orchestrator.pullrequest.ForgeEvent;
import dev.agentteam.orchestrator.pullrequest.PullRequests;
import dev.agentteam.orchestrator.coderepository.Repositories;
import dev.agentteam.orchestrator.task.Tasks;
import dev.agentteam.orchestrator.support.IntegrationTest;
import dev.agentteam.orchestrator.task.TaskSucceeded;

/**
 * The reactions around a pull request on the real database and queue: opened → CI and review tasks; a red CI
 * result → a triage task, a test run and artifacts; QA's flaky tests counted and its regressions sent to Dev;
 * reviews counted in rounds, with changes sent back to Dev until a person has to decide.
 */
class QualityReactionsTest extends IntegrationTest {

    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private ApplicationEventPublisher events;
    @Autowired
    private PullRequests pullRequests;
    @Autowired
    private Repositories repositories;
    @Autowired
    private Stories stories;
    @Autowired
    private Tasks tasks;
    @Autowired
    private QualityRecords records;

    private long storyId;
    private long prId;

    @BeforeEach
    void pullRequest() {
        jdbc.update("delete from repositories where name = 'quality-demo'");
        long repositoryId = jdbc.queryForObject("""
                insert into repositories (name, forge, full_name, clone_url, test_command)
                values ('quality-demo', 'embedded', 'agent-team/quality-demo', 'http://127.0.0.1:1/git/quality-demo.git',
                        'python3 -m unittest') returning id""", Long.class);
        long epicId = jdbc.queryForObject("insert into epics (title, created_by) values ('Stats', 1) returning id", Long.class);
        storyId = jdbc.queryForObject("""
                insert into stories (epic_id, title, statement, acceptance_criteria, status)
                values (?, 'Count words', 'As a writer I want word counts', '[{"given": "a text", "when": "counted", "then": "its words"}]',
                        'IN_REVIEW')
                returning id""", Long.class, epicId);
        prId = jdbc.queryForObject("""
                insert into pr_records (repository_id, story_id, pr_number, repo, branch, head_sha)
                values (?, ?, 3, 'agent-team/quality-demo', ?, ?) returning id""", Long.class,
                repositoryId, storyId, "feature/ISSUE-" + storyId, SHA);
    }

    @Test
    void anOpenedPullRequestGetsCiAndAReview() {
        opened();

        assertThat(types()).containsExactly("cicd.run_ci", "review.review_pr");
        Map<String, Object> review = payload("review.review_pr");
        assertThat(review).containsEntry("round", 1).containsEntry("story_id", (int) storyId);
        assertThat(review.get("pull_request").toString()).contains("head_sha=" + SHA, "number=3");
        assertThat(review.get("story").toString()).contains("given=a text", "when=counted", "then=its words");
        assertThat(payload("cicd.run_ci").get("repository").toString()).contains("test_command=python3 -m unittest");
        assertThat(column("ci_status")).isEqualTo("RUNNING");
    }

    @Test
    void redCiIsRecordedAndTriagedFlakyTestsAreCountedRegressionsGoToDev() {
        opened();
        long ciTask = taskId("cicd.run_ci");
        succeed(ciTask, "cicd.run_ci", Map.of("conclusion", "failure", "pr_id", prId, "head_sha", SHA, "timed_out", false,
                "exit_code", 1, "log_tail", "FAILED",
                "report", Map.of("tests", 4, "passed", 2, "failures", 2, "errors", 0, "skipped", 0, "failed", List.of(
                        Map.of("name", "t.A.flaky", "kind", "failure", "message", "timing"),
                        Map.of("name", "t.A.broken", "kind", "failure", "message", "2 != 3"))),
                "artifacts", List.of(Map.of("kind", "ci-log", "name", "ci-log.txt", "key", "tasks/" + ciTask + "/attempt-1/ci-log.txt",
                        "content_type", "text/plain", "size_bytes", 120))));

        assertThat(column("ci_status")).isEqualTo("FAILURE");
        assertThat(jdbc.queryForList("select source || ':' || passed || '/' || failed from test_runs", String.class))
                .containsExactly("ci:2/2");
        assertThat(jdbc.queryForObject("select kind || ' ' || storage_key from artifacts where task_id = ?", String.class, ciTask))
                .isEqualTo("ci-log tasks/" + ciTask + "/attempt-1/ci-log.txt");
        Map<String, Object> triage = payload("qa.triage");
        assertThat(triage.get("ci").toString()).contains("task_id=" + ciTask, "t.A.broken", "2 != 3");

        succeed(taskId("qa.triage"), "qa.triage", Map.of("verdict", "regression", "pr_id", prId, "head_sha", SHA,
                "ci_task_id", ciTask, "flaky", List.of("t.A.flaky"),
                "regressions", List.of(Map.of("name", "t.A.broken", "message", "2 != 3", "classification", "regression",
                        "reason", "failed again on the rerun")),
                "rerun", Map.of("report", Map.of("tests", 4, "passed", 3, "failures", 1, "errors", 0, "skipped", 0))));

        assertThat(jdbc.queryForList("""
                select f.test_name || ' x' || f.reruns || ' in ' || r.source from flaky_tests f join test_runs r on r.id = f.test_run_id
                """, String.class)).containsExactly("t.A.flaky x1 in ci");
        assertThat(jdbc.queryForList("select source || ':' || passed || '/' || failed from test_runs order by id", String.class))
                .containsExactly("ci:2/2", "qa:3/1");
        Map<String, Object> fix = payload("dev.fix_regression");
        assertThat(fix.get("failures").toString()).contains("t.A.broken", "failed again on the rerun");
        assertThat(fix.get("repository").toString()).contains("name=quality-demo", "forge=embedded");
        assertThat(jdbc.queryForObject("select assigned_to from tasks where type = 'dev.fix_regression'", String.class))
                .isEqualTo("dev");
    }

    @Test
    void greenCiGetsTheQaAllClearAndRecordsNoQaRun() {
        opened();
        succeed(taskId("cicd.run_ci"), "cicd.run_ci", Map.of("conclusion", "success", "pr_id", prId, "head_sha", SHA,
                "report", Map.of("tests", 3, "passed", 3), "artifacts", List.of()));

        assertThat(column("ci_status")).isEqualTo("SUCCESS");
        Map<String, Object> triage = payload("qa.triage");
        assertThat(triage.get("ci").toString()).contains("tests=3", "passed=3");

        succeed(taskId("qa.triage"), "qa.triage", Map.of("verdict", "clean", "pr_id", prId, "head_sha", SHA,
                "flaky", List.of(), "regressions", List.of()));

        assertThat(jdbc.queryForObject("select count(*) from test_runs where source = 'qa'", Integer.class)).isZero();
        assertThat(types()).doesNotContain("dev.fix_regression");
    }

    @Test
    void changesRequestedGoBackToDevUntilTheLastRoundThenAPersonDecides() {
        opened();
        succeed(taskId("review.review_pr"), "review.review_pr", Map.of("verdict", "changes_requested", "pr_id", prId,
                "head_sha", SHA, "round", 1, "needs_human", false, "summary", "Handle empty input.",
                "comments", List.of(Map.of("path", "textstats/core.py", "line", 3, "severity", "major", "comment", "empty"))));

        assertThat(column("review_status")).isEqualTo("CHANGES_REQUESTED");
        assertThat(jdbc.queryForObject("select review_rounds from pr_records where id = ?", Integer.class, prId)).isEqualTo(1);
        assertThat(payload("dev.address_review").get("review").toString())
                .contains("Handle empty input.", "textstats/core.py", "round=1");

        jdbc.update("delete from tasks");
        opened();
        assertThat(payload("review.review_pr")).containsEntry("round", 2);
        succeed(taskId("review.review_pr"), "review.review_pr", Map.of("verdict", "changes_requested", "pr_id", prId,
                "head_sha", SHA, "round", 2, "needs_human", true, "summary", "Still wrong.", "comments", List.of()));

        assertThat(column("review_status")).isEqualTo("NEEDS_HUMAN");
        // the round is held, FAILED with the reason, for /agent retry; the PR says why
        assertThat(jdbc.queryForObject("select status from tasks where type = 'dev.address_review'", String.class))
                .isEqualTo("FAILED");
        assertThat(jdbc.queryForObject("select last_error from tasks where type = 'dev.address_review'", String.class))
                .contains("Needs a human", "last review round (2)", "/agent retry");
        assertThat(jdbc.queryForObject("select body from pr_comments where pr_id = ? order by id desc limit 1", String.class, prId))
                .contains("Needs a human");
        assertThat(storyStatus()).isEqualTo("BLOCKED");

        // a person resumes the held round (/agent retry); once it pushed a new head the story is in review again
        long held = jdbc.queryForObject("select id from tasks where type = 'dev.address_review'", Long.class);
        succeed(held, "dev.address_review", Map.of("pr_id", prId, "head_sha", "e".repeat(40)));
        assertThat(storyStatus()).isEqualTo("IN_REVIEW");
    }

    private String storyStatus() {
        return jdbc.queryForObject("select status from stories where id = ?", String.class, storyId);
    }

    @Test
    void changeRoundsAreBoundedPerPullRequestAndAReviewOfAnEarlierHeadNoLongerCounts() {
        long triage = jdbc.queryForObject("insert into tasks (type, assigned_to, status, trace_id) "
                + "values ('qa.triage', 'qa', 'SUCCEEDED', 't') returning id", Long.class);
        for (int round = 1; round <= 4; round++) {
            jdbc.update("update tasks set status = 'SUCCEEDED', attempt_count = 1 where type like 'dev.%'");
            succeed(triage, "qa.triage", Map.of("verdict", "regression", "pr_id", prId, "head_sha", SHA,
                    "regressions", List.of(Map.of("name", "t.A.broken", "message", "assert 1 == 2", "classification", "regression",
                            "reason", "fails every time")), "rerun", Map.of("report", Map.of("tests", 1, "failures", 1))));
        }

        // three rounds queued (the default limit), the fourth held for a human
        assertThat(jdbc.queryForObject("select count(*) from tasks where type = 'dev.fix_regression' and status = 'SUCCEEDED'",
                Integer.class)).isEqualTo(3);
        assertThat(jdbc.queryForObject("select last_error from tasks where type = 'dev.fix_regression' and status = 'FAILED'",
                String.class)).contains("CI still has regressions after 3 change round(s)");
        assertThat(payload("dev.fix_regression").get("failures").toString()).contains("t.A.broken", "assert 1 == 2");
        assertThat(column("review_status")).isEqualTo("NEEDS_HUMAN");

        // an approval of an earlier head changes nothing once a change round moved the head on
        jdbc.update("update pr_records set head_sha = ?, review_status = 'PENDING' where id = ?", "f".repeat(40), prId);
        succeed(triage, "review.review_pr", Map.of("verdict", "approve", "pr_id", prId, "head_sha", SHA, "round", 1,
                "needs_human", false, "summary", "Fine.", "comments", List.of()));
        assertThat(column("review_status")).isEqualTo("PENDING");
    }

    @Test
    void aMergeDeploysOnlyWhenSwitchedOn() {
        events.publishEvent(new ForgeEvent.PullRequestMerged(prId, "agent-team/quality-demo", 3, "feature/ISSUE-" + storyId,
                SHA, "fedcba9876543210fedcba9876543210fedcba98", storyId));

        assertThat(types()).doesNotContain("cicd.deploy");

        new PullRequestChecks(pullRequests, repositories, stories, tasks, records,
                new QualityProperties(true, true, true, true, true, true, true, 3))
                .on(new ForgeEvent.PullRequestMerged(prId, "agent-team/quality-demo", 3, "feature/ISSUE-" + storyId,
                        SHA, "fedcba9876543210fedcba9876543210fedcba98", storyId));

        assertThat(types()).containsExactly("cicd.deploy");
        assertThat(payload("cicd.deploy")).containsEntry("merge_sha", "fedcba9876543210fedcba9876543210fedcba98");
    }

    @Test
    void onGitHubFinishedActionsAreTheCiResultAndFlakyTestsGetTheFailedJobsRerun() {
        jdbc.update("update repositories set forge = 'github', full_name = 'acme/quality-demo' where name = 'quality-demo'");
        long follow = jdbc.queryForObject("insert into tasks (type, assigned_to, status, trace_id) "
                + "values ('cicd.follow_ci', 'cicd', 'SUCCEEDED', 't') returning id", Long.class);

        succeed(follow, "cicd.follow_ci", Map.of("conclusion", "pending", "pr_id", prId, "head_sha", SHA));
        assertThat(column("ci_status")).isEqualTo("PENDING");

        succeed(follow, "cicd.follow_ci", Map.of("conclusion", "failure", "pr_id", prId, "head_sha", SHA, "timed_out", false,
                "report", Map.of("tests", 8, "passed", 7, "failures", 1, "failed", List.of(
                        Map.of("name", "tests/test_cart.py::test_total", "kind", "failure", "message", "assert 9 == 10"))),
                "artifacts", List.of()));
        assertThat(column("ci_status")).isEqualTo("FAILURE");
        assertThat(types()).containsExactly("cicd.follow_ci", "qa.triage");

        succeed(taskId("qa.triage"), "qa.triage", Map.of("verdict", "flaky", "pr_id", prId, "head_sha", SHA,
                "ci_task_id", follow, "flaky", List.of("tests/test_cart.py::test_total"), "regressions", List.of(),
                "rerun", Map.of("report", Map.of("tests", 8, "passed", 8))));

        assertThat(jdbc.queryForObject("select count(*) from flaky_tests", Integer.class)).isEqualTo(1);
        assertThat(payload("cicd.follow_ci")).containsEntry("rerun_failed", true);
        assertThat(types()).doesNotContain("dev.fix_regression");
    }

    @Test
    void failingGitHubCiOnTheHeadIsFollowedOursIsNot() {
        events.publishEvent(new ForgeEvent.CommitStatusChanged("agent-team/quality-demo", SHA, "status", "agent-team/ci",
                "FAILURE", null));
        assertThat(types()).isEmpty();

        jdbc.update("update repositories set forge = 'github', full_name = 'acme/quality-demo' where name = 'quality-demo'");
        jdbc.update("update pr_records set repo = 'acme/quality-demo' where id = ?", prId);
        events.publishEvent(new ForgeEvent.CommitStatusChanged("acme/quality-demo", SHA, "check_run", "CI", "SUCCESS", null));
        events.publishEvent(new ForgeEvent.CommitStatusChanged("acme/quality-demo", "f".repeat(40), "check_run", "CI",
                "FAILURE", null));
        assertThat(types()).isEmpty();

        events.publishEvent(new ForgeEvent.CommitStatusChanged("acme/quality-demo", SHA, "check_run", "CI", "FAILURE", null));

        assertThat(types()).containsExactly("cicd.follow_ci");
        assertThat(payload("cicd.follow_ci").get("pull_request").toString()).contains("head_sha=" + SHA);
        assertThat(payload("cicd.follow_ci").get("repository").toString()).contains("forge=github", "acme/quality-demo");
    }

    private void opened() {
        events.publishEvent(new ForgeEvent.PullRequestOpened(prId, "agent-team/quality-demo", 3,
                "feature/ISSUE-" + storyId, SHA, storyId));
    }

    private void succeed(long taskId, String type, Map<String, Object> output) {
        events.publishEvent(new TaskSucceeded(taskId, type, null, storyId, output));
    }

    private List<String> types() {
        return jdbc.queryForList("select type from tasks order by id", String.class);
    }

    private long taskId(String type) {
        return jdbc.queryForObject("select id from tasks where type = ? order by id desc limit 1", Long.class, type);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> payload(String type) {
        return JSON.readValue(jdbc.queryForObject("select payload::text from tasks where type = ? order by id desc limit 1",
                String.class, type), Map.class);
    }

    private String column(String name) {
        return jdbc.queryForObject("select " + name + " from pr_records where id = ?", String.class, prId);
    }
}
