package dev.agentteam.orchestrator.webhook;

import dev.agentteam.orchestrator.support.WebhookTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** check_run, check_suite and workflow_run deliveries set the CI status of the pull request on that commit. */
class GitHubCiEventsTest extends WebhookTestSupport {

    @BeforeEach
    void openPullRequest() {
        seedStory("IN_PROGRESS");
        process("pull_request", "pull_request.opened.json");
    }

    @Test
    void checkRunsShowCiRunningAndFailAtOnceButLeaveSuccessToTheSuite() {
        assertThat(process("check_run", "check_run.created.json")).contains("RUNNING").endsWith("[#7]");
        assertThat(ci()).isEqualTo("RUNNING");

        assertThat(process("check_run", "check_run.completed-success.json"))
                .endsWith("the check suite decides the CI status");
        assertThat(ci()).isEqualTo("RUNNING");

        assertThat(process("check_run", "check_run.completed-failure.json")).startsWith("check run lint FAILURE");
        assertThat(ci()).isEqualTo("FAILURE");
    }

    @Test
    void checkSuitesDecide() {
        assertThat(process("check_suite", "check_suite.completed-failure.json"))
                .startsWith("check suite GitHub Actions FAILURE");
        assertThat(ci()).isEqualTo("FAILURE");

        process("check_suite", "check_suite.completed-success.json");
        assertThat(ci()).isEqualTo("SUCCESS");
    }

    @Test
    void workflowRunsDecide() {
        process("workflow_run", "workflow_run.requested.json");
        assertThat(ci()).isEqualTo("RUNNING");

        assertThat(process("workflow_run", "workflow_run.completed-success.json")).startsWith("workflow run CI SUCCESS");
        assertThat(ci()).isEqualTo("SUCCESS");

        process("workflow_run", "workflow_run.completed-failure.json");
        assertThat(ci()).isEqualTo("FAILURE");
    }

    @Test
    void resultsForAnOldHeadCommitChangeNothing() {
        process("pull_request", "pull_request.synchronize.json");

        assertThat(process("workflow_run", "workflow_run.completed-failure.json")).endsWith("with CI FAILURE: []");
        assertThat(ci()).isEqualTo("PENDING");
    }

    @Test
    void ciResultsOfARegisteredRepositoryAreKeptAsCommitStatuses() {
        jdbc.update("insert into repositories (name, forge, full_name, test_command) values ('shop', 'github', 'acme/shop', 'pytest')");

        process("check_suite", "check_suite.completed-success.json");

        // Only this repository's rows: other test classes may leave theirs behind.
        assertThat(jdbc.queryForMap("select kind, context, state from commit_statuses c join repositories r "
                + "on r.id = c.repository_id where r.full_name = 'acme/shop'"))
                .containsEntry("kind", "check_run").containsEntry("context", "GitHub Actions").containsEntry("state", "SUCCESS");
    }

    private String ci() {
        return jdbc.queryForObject("select ci_status from pr_records where repo = 'acme/shop' and pr_number = 7", String.class);
    }
}
