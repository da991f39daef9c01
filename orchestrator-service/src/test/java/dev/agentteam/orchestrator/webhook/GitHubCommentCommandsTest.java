package dev.agentteam.orchestrator.webhook;

import dev.agentteam.orchestrator.support.WebhookTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** issue_comment deliveries: comments are recorded; /agent review and /agent retry from people with write access. */
class GitHubCommentCommandsTest extends WebhookTestSupport {

    private long story;

    @BeforeEach
    void openPullRequest() {
        story = seedStory("IN_PROGRESS");
        process("pull_request", "pull_request.opened.json");
    }

    @Test
    void agentReviewQueuesAReviewTaskForThePullRequest() {
        String outcome = process("issue_comment", "issue_comment.review-command.json");

        assertThat(outcome).startsWith("/agent review by octocat: task ").endsWith("queued for pull request #7");
        Map<String, Object> task = jdbc.queryForMap("""
                select type, assigned_to, status, story_id, payload->'pull_request'->>'number' as pr_number,
                       payload->'pull_request'->>'head_sha' as head_sha, payload->>'requested_by' as requested_by,
                       payload->'repository'->>'full_name' as repo,
                       payload->'repository'->>'forge' as forge, payload->'repository'->>'clone_url' as clone_url
                from tasks""");
        assertThat(task).containsEntry("type", "review.review_pr").containsEntry("assigned_to", "review")
                .containsEntry("status", "QUEUED").containsEntry("story_id", story).containsEntry("pr_number", "7")
                .containsEntry("requested_by", "octocat")
                .containsEntry("head_sha", GitHubPullRequestEventsTest.SHA1).containsEntry("repo", "acme/shop")
                .containsEntry("forge", "github").containsEntry("clone_url", "https://github.com/acme/shop.git");
        assertThat(jdbc.queryForObject("select body from pr_comments", String.class)).startsWith("/agent review");
    }

    @Test
    void agentRetryRequeuesTheStorysLastFailedTask() {
        long older = task("dev.implement_story", "FAILED");
        long failed = task("dev.address_review", "FAILED");
        task("qa.triage", "SUCCEEDED");

        String outcome = process("issue_comment", "issue_comment.retry-command.json");

        assertThat(outcome).isEqualTo("/agent retry: failed task " + failed + " (dev.address_review) re-queued");
        assertThat(status(failed)).isEqualTo("QUEUED");
        assertThat(status(older)).isEqualTo("FAILED");
    }

    @Test
    void agentRetryOfADeadTaskQueuesItAgainAsANewTask() {
        long dead = task("dev.implement_story", "DEAD");

        String outcome = process("issue_comment", "issue_comment.retry-command.json");

        assertThat(outcome).startsWith("/agent retry: dead task " + dead + " (dev.implement_story) queued again as task ");
        assertThat(status(dead)).isEqualTo("DEAD");
        assertThat(jdbc.queryForMap("select type, status, story_id, payload->>'retry_of' as retry_of from tasks where id <> ?", dead))
                .containsEntry("type", "dev.implement_story").containsEntry("status", "QUEUED")
                .containsEntry("story_id", story).containsEntry("retry_of", String.valueOf(dead));
    }

    @Test
    void agentRetryWithoutAFailedTaskDoesNothing() {
        task("dev.implement_story", "SUCCEEDED");

        assertThat(process("issue_comment", "issue_comment.retry-command.json"))
                .isEqualTo("ignored: /agent retry; story " + story + " has no failed task");
        assertThat(jdbc.queryForObject("select count(*) from tasks where status = 'QUEUED'", Long.class)).isZero();
    }

    @Test
    void commandsFromPeopleWithoutWriteAccessAreRefused() {
        task("dev.implement_story", "FAILED");

        String outcome = process("issue_comment", "issue_comment.command-without-write-access.json");

        assertThat(outcome).isEqualTo("refused: /agent review from mallory (CONTRIBUTOR); commands need write access "
                + "(OWNER, MEMBER or COLLABORATOR)");
        assertThat(jdbc.queryForObject("select count(*) from tasks where type = 'review.review_pr'", Long.class)).isZero();
    }

    @Test
    void aPlainCommentIsOnlyRecorded() {
        assertThat(process("issue_comment", "issue_comment.plain.json")).isEqualTo("comment by octocat on pull request #7 recorded");
        assertThat(jdbc.queryForMap("select kind, author, body from pr_comments")).containsEntry("kind", "comment")
                .containsEntry("author", "octocat").containsEntry("body", "Thanks, this is what we needed.");
        assertThat(jdbc.queryForObject("select count(*) from tasks", Long.class)).isZero();
    }

    @Test
    void aCommandOnAnIssueIsNotAPullRequestCommand() {
        assertThat(process("issue_comment", "issue_comment.on-issue.json"))
                .isEqualTo("ignored: comment on issue #8, not on a pull request");
        assertThat(jdbc.queryForObject("select count(*) from tasks", Long.class)).isZero();
    }

    private long task(String type, String status) {
        return jdbc.queryForObject("""
                insert into tasks (story_id, type, assigned_to, status, attempt_count, max_attempts, trace_id, payload)
                values (?, ?, ?, ?, 1, 3, 'trace', '{"story_id": 1}'::jsonb) returning id""", Long.class,
                story, type, type.substring(0, type.indexOf('.')), status);
    }

    private String status(long task) {
        return jdbc.queryForObject("select status from tasks where id = ?", String.class, task);
    }
}
