package dev.agentteam.orchestrator.webhook;

import dev.agentteam.orchestrator.support.WebhookTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, attack 6, each performed with a GitHub delivery: the last CI event won, skipped and neutral passed, any
 * GitHub user's review counted, a fork's pull request was linked to a story by its branch name, and a base change
 * kept CI and review.
 */
class GitHubTrustTest extends WebhookTestSupport {

    @BeforeEach
    void openPullRequest() {
        jdbc.update("insert into repositories (name, forge, full_name, test_command) values ('shop', 'github', 'acme/shop', 'pytest')");
        seedStory("IN_PROGRESS");
        process("pull_request", "pull_request.opened.json");
    }

    @Test
    void aPassingSuiteAfterAFailingRunOfAnotherContextKeepsCiFailed() {
        process("check_run", "check_run.completed-failure.json");
        assertThat(pr("ci_status")).isEqualTo("FAILURE");

        process("check_suite", "check_suite.completed-success.json");

        assertThat(pr("ci_status")).isEqualTo("FAILURE");
    }

    @Test
    void skippedAndNeutralConclusionsNeverPass() {
        for (String conclusion : new String[] {"skipped", "neutral"}) {
            String body = fixture("check_suite.completed-success.json").replace("\"conclusion\": \"success\"",
                    "\"conclusion\": \"" + conclusion + "\"");
            assertThat(send("check_suite", body)).startsWith("ignored");
        }
        assertThat(pr("ci_status")).isEqualTo("PENDING");
    }

    @Test
    void aReviewByAnyoneWithoutARoleInTheRepositoryDecidesNothing() {
        String body = fixture("pull_request_review.approved.json").replace("\"author_association\": \"MEMBER\"",
                "\"author_association\": \"NONE\"");

        assertThat(send("pull_request_review", body)).contains("not a collaborator");

        assertThat(pr("review_status")).isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("select count(*) from pr_comments", Long.class)).isEqualTo(1);
    }

    @Test
    void aReviewOfAnotherCommitThanTheHeadDecidesNothing() {
        String body = fixture("pull_request_review.approved.json").replace(
                "\"commit_id\": \"6dcb09b5b57875f334f61aebed695e2e4193db5e\"",
                "\"commit_id\": \"0000000000000000000000000000000000000001\"");

        send("pull_request_review", body);

        assertThat(pr("review_status")).isEqualTo("PENDING");
        process("pull_request_review", "pull_request_review.approved.json");
        assertThat(pr("review_status")).isEqualTo("APPROVED");
    }

    @Test
    void aPullRequestFromAForkIsNeverLinkedToAStoryByItsBranchName() {
        jdbc.update("delete from pr_records");
        String body = fixture("pull_request.opened.json").replaceFirst("\"full_name\": \"acme/shop\"",
                "\"full_name\": \"mallory/shop\"");

        send("pull_request", body);

        assertThat(jdbc.queryForObject("select story_id from pr_records where pr_number = 7", Long.class)).isNull();
    }

    @Test
    void anotherBaseStartsCiAndReviewOver() {
        jdbc.update("update pr_records set ci_status = 'SUCCESS', review_status = 'APPROVED'");
        String body = fixture("pull_request.opened.json").replace("\"action\": \"opened\"", "\"action\": \"edited\"")
                .replace("\"ref\": \"main\"", "\"ref\": \"release\"");

        send("pull_request", body);

        assertThat(pr("base_branch")).isEqualTo("release");
        assertThat(pr("ci_status")).isEqualTo("PENDING");
        assertThat(pr("review_status")).isEqualTo("PENDING");
    }

    private String send(String event, String body) {
        String id = UUID.randomUUID().toString();
        deliver(event, body, id);
        return awaitOutcome(id);
    }

    private String pr(String column) {
        return jdbc.queryForObject("select " + column + " from pr_records where repo = 'acme/shop' and pr_number = 7",
                String.class);
    }
}
