package dev.agentteam.orchestrator.webhook;

import dev.agentteam.orchestrator.support.WebhookTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** pull_request, pull_request_review, pull_request_review_comment and push deliveries in GitHub's shapes. */
class GitHubPullRequestEventsTest extends WebhookTestSupport {

    static final String SHA1 = "6dcb09b5b57875f334f61aebed695e2e4193db5e";
    static final String SHA2 = "7638417db6d59f3c431d3e1f261cc637155684cd";

    private long story;

    @BeforeEach
    void storyInProgress() {
        story = seedStory("IN_PROGRESS");
    }

    @Test
    void anOpenedPullRequestIsRecordedAndPutsItsStoryInReview() {
        String outcome = process("pull_request", "pull_request.opened.json");

        assertThat(outcome).isEqualTo("pull request acme/shop#7 is OPEN");
        assertThat(pr()).containsEntry("status", "OPEN").containsEntry("branch", "feature/ISSUE-1")
                .containsEntry("base_branch", "main").containsEntry("head_sha", SHA1)
                .containsEntry("title", "ISSUE-1: Pay by card").containsEntry("story_id", story)
                .containsEntry("url", "https://github.com/acme/shop/pull/7").containsEntry("ci_status", "PENDING");
        assertThat(storyStatus()).isEqualTo("IN_REVIEW");
    }

    @Test
    void theRepositoryIsLinkedWhenItIsRegistered() {
        long repository = jdbc.queryForObject("insert into repositories (name, forge, full_name, test_command) "
                + "values ('shop', 'github', 'acme/shop', 'pytest') returning id", Long.class);

        process("pull_request", "pull_request.opened.json");

        assertThat(pr()).containsEntry("repository_id", repository);
    }

    @Test
    void synchronizeMovesTheHeadAndStartsCiAndReviewOver() {
        process("pull_request", "pull_request.opened.json");
        jdbc.update("update pr_records set ci_status = 'SUCCESS', review_status = 'APPROVED'");

        String outcome = process("pull_request", "pull_request.synchronize.json");

        assertThat(outcome).isEqualTo("pull request acme/shop#7 head is now " + SHA2);
        assertThat(pr()).containsEntry("head_sha", SHA2).containsEntry("ci_status", "PENDING")
                .containsEntry("review_status", "PENDING").containsEntry("status", "OPEN");
    }

    @Test
    void closedWithoutMergeThenReopenedThenMerged() {
        process("pull_request", "pull_request.opened.json");

        assertThat(process("pull_request", "pull_request.closed-unmerged.json")).endsWith("is CLOSED");
        assertThat(pr()).containsEntry("status", "CLOSED");
        assertThat(storyStatus()).isEqualTo("IN_REVIEW");
        assertThat(pr().get("closed_at")).isNotNull();
        assertThat(pr().get("merged_at")).isNull();

        assertThat(process("pull_request", "pull_request.reopened.json")).endsWith("is OPEN");
        assertThat(pr()).containsEntry("status", "OPEN").containsEntry("closed_at", null);

        assertThat(process("pull_request", "pull_request.closed-merged.json")).endsWith("is MERGED");
        assertThat(pr()).containsEntry("status", "MERGED").containsEntry("merge_sha",
                "e5bd3914e2e596debea16f433f57875b5b90bcd6");
        assertThat(pr().get("merged_at")).isNotNull();
        assertThat(storyStatus()).isEqualTo("DONE");
        assertThat(jdbc.queryForObject("select done_at from stories where id = ?", java.sql.Timestamp.class, story))
                .isNotNull();
    }

    @Test
    void actionsThatChangeNothingTrackedAreAcknowledged() {
        process("pull_request", "pull_request.opened.json");

        assertThat(process("pull_request", "pull_request.labeled.json"))
                .isEqualTo("ignored: pull_request action labeled is not handled");
        assertThat(pr()).containsEntry("status", "OPEN").containsEntry("head_sha", SHA1);
    }

    @Test
    void reviewsSetTheReviewStatusAndCountRounds() {
        process("pull_request", "pull_request.opened.json");

        assertThat(process("pull_request_review", "pull_request_review.commented.json"))
                .endsWith("(COMMENTED); review is COMMENTED");
        assertThat(process("pull_request_review", "pull_request_review.changes_requested.json"))
                .endsWith("review is CHANGES_REQUESTED");
        assertThat(pr()).containsEntry("review_status", "CHANGES_REQUESTED").containsEntry("review_rounds", 1);

        process("pull_request_review", "pull_request_review.approved.json");
        assertThat(pr()).containsEntry("review_status", "APPROVED");
        process("pull_request_review", "pull_request_review.commented.json");
        assertThat(pr()).containsEntry("review_status", "APPROVED").containsEntry("review_rounds", 1);

        process("pull_request_review", "pull_request_review.dismissed.json");
        assertThat(pr()).containsEntry("review_status", "PENDING");
        assertThat(jdbc.queryForList("select body from pr_comments where kind = 'review' order by id", String.class))
                .containsExactly("One question about the rounding.", "Please handle declined cards.",
                        "Looks good to me.", "One question about the rounding.");
    }

    @Test
    void aReviewOfAPullRequestNotSeenYetRecordsItFirst() {
        process("pull_request_review", "pull_request_review.approved.json");

        assertThat(pr()).containsEntry("status", "OPEN").containsEntry("review_status", "APPROVED");
    }

    @Test
    void aReviewCommentIsRecordedOnItsLine() {
        process("pull_request", "pull_request.opened.json");

        String outcome = process("pull_request_review_comment", "pull_request_review_comment.created.json");

        assertThat(outcome).isEqualTo("comment by octocat on shop/payment.py:12 of pull request acme/shop#7 recorded");
        assertThat(jdbc.queryForMap("select kind, author, body, path, line, commit_sha from pr_comments"))
                .containsEntry("kind", "inline").containsEntry("author", "octocat")
                .containsEntry("body", "Declined cards raise here; catch them.").containsEntry("path", "shop/payment.py")
                .containsEntry("line", 12).containsEntry("commit_sha", SHA1);
    }

    @Test
    void aPushToThePullRequestsBranchMovesItsHead() {
        process("pull_request", "pull_request.opened.json");
        jdbc.update("update pr_records set ci_status = 'FAILURE'");

        String outcome = process("push", "push.json");

        assertThat(outcome).endsWith("open pull requests moved: [#7]");
        assertThat(pr()).containsEntry("head_sha", SHA2).containsEntry("ci_status", "PENDING");
        assertThat(process("push", "push.json")).endsWith("open pull requests moved: []");
    }

    @Test
    void aTagPushChangesNothing() {
        process("pull_request", "pull_request.opened.json");

        assertThat(process("push", "push.tag.json")).startsWith("ignored: push to refs/tags/v1.0.0");
        assertThat(pr()).containsEntry("head_sha", SHA1);
    }

    private Map<String, Object> pr() {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select status, branch, base_branch, head_sha, title, story_id, url, ci_status, review_status,
                       review_rounds, repository_id, closed_at, merged_at, result->>'merge_sha' as merge_sha
                from pr_records where repo = 'acme/shop' and pr_number = 7""");
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private String storyStatus() {
        return jdbc.queryForObject("select status from stories where id = ?", String.class, story);
    }
}
