package dev.agentteam.orchestrator.notification;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.agentteam.orchestrator.support.WebhookTestSupport;
import dev.agentteam.orchestrator.pullrequest.ForgeEvent;
import dev.agentteam.orchestrator.task.TaskBlocked;
import dev.agentteam.orchestrator.task.TaskFailed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Slack and Telegram (WireMock speaking their wire formats) hear about waiting pull requests and clarifications. */
@ExtendWith(OutputCaptureExtension.class)
class NotificationTest extends WebhookTestSupport {

    private static final String TELEGRAM_PATH = "/bot" + TELEGRAM_TOKEN + "/sendMessage";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void chatServicesAnswer() {
        CHAT.stubFor(post(urlEqualTo(SLACK_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("ok")));
        CHAT.stubFor(post(urlEqualTo(TELEGRAM_PATH)).willReturn(okJson("""
                {"ok": true, "result": {"message_id": 42, "date": 1764144000,
                 "chat": {"id": -1001234567890, "title": "agent-team", "type": "supergroup"}, "text": "…"}}""")));
        seedStory("IN_PROGRESS");
    }

    @Test
    void aPullRequestWithGreenCiAndADoneReviewIsAnnouncedOncePerHeadCommit() {
        process("pull_request", "pull_request.opened.json");
        process("check_suite", "check_suite.completed-success.json");
        assertThat(slackMessages()).isEmpty();

        process("pull_request_review", "pull_request_review.approved.json");

        // clock wait: a message reaching the (stub) chat service is an external effect, not a domain event
        await().atMost(Duration.ofSeconds(10)).until(() -> slackMessages().size() == 1 && telegramMessages().size() == 1);
        JsonNode slack = slackMessages().get(0);
        assertThat(slack.get("text").asString()).contains("acme/shop#7", "ISSUE-1: Pay by card", "waits for your approval",
                "https://github.com/acme/shop/pull/7");
        JsonNode telegram = telegramMessages().get(0);
        assertThat(telegram.get("chat_id").asString()).isEqualTo("-1001234567890");
        assertThat(telegram.get("text").asString()).isEqualTo(slack.get("text").asString());

        process("workflow_run", "workflow_run.completed-success.json");
        process("pull_request_review", "pull_request_review.commented.json");
        awaitBarrier();
        assertThat(jdbc.queryForObject("select count(*) from notifications_sent", Long.class)).isEqualTo(1);
        assertThat(slackMessages()).hasSize(2);
    }

    @Test
    void aPullRequestWithChangesRequestedOrFailingCiIsNotAnnounced() {
        process("pull_request", "pull_request.opened.json");
        process("check_suite", "check_suite.completed-success.json");
        process("pull_request_review", "pull_request_review.changes_requested.json");
        process("check_suite", "check_suite.completed-failure.json");
        process("pull_request_review", "pull_request_review.approved.json");
        awaitBarrier();

        assertThat(jdbc.queryForObject("select count(*) from notifications_sent", Long.class)).isZero();
        assertThat(slackMessages()).hasSize(1);
    }

    @Test
    void anEmbeddedForgePullRequestIsAnnouncedFromItsStatusReportsAndReview() {
        String sha = "b".repeat(40);
        long repository = jdbc.queryForObject("insert into repositories (name, forge, full_name, test_command) "
                + "values ('notify-demo', 'embedded', 'agent-team/notify-demo', 'pytest') returning id", Long.class);
        long pr = jdbc.queryForObject("insert into pr_records (repository_id, repo, pr_number, branch, title, head_sha, url) "
                + "values (?, 'agent-team/notify-demo', 1, 'feature/ISSUE-1', 'Shout', ?, 'http://forge/pulls/1') returning id",
                Long.class, repository, sha);
        jdbc.update("insert into commit_statuses (repository_id, sha, kind, context, state) values (?, ?, 'status', 'ci', 'SUCCESS')",
                repository, sha);
        publish(new ForgeEvent.CommitStatusChanged("agent-team/notify-demo", sha, "status", "ci", "SUCCESS", null));

        jdbc.update("insert into pr_comments (pr_id, kind, author, body, commit_sha) values (?, 'review', 'review-agent', 'LGTM', ?)",
                pr, sha);
        publish(new ForgeEvent.ReviewSubmitted(pr, "agent-team/notify-demo", 1, sha, 0, "review-agent"));

        // clock wait: a message reaching the (stub) chat service is an external effect, not a domain event
        await().atMost(Duration.ofSeconds(10)).until(() -> slackMessages().size() == 1);
        assertThat(slackMessages().get(0).get("text").asString()).startsWith("Pull request agent-team/notify-demo#1 \"Shout\"");
        assertThat(jdbc.queryForList("select key from notifications_sent", String.class))
                .containsExactly("pr-ready:" + pr + ":" + sha);
    }

    @Test
    void aClarificationIsAnnouncedWithItsQuestions() {
        transactions.executeWithoutResult(status -> events.publishEvent(new TaskBlocked(12, "po.refine_epic", 3L, null,
                List.of("Which card brands?", "Is 3-D Secure required?"))));

        // clock wait: a message reaching the (stub) chat service is an external effect, not a domain event
        await().atMost(Duration.ofSeconds(10)).until(() -> slackMessages().size() == 1 && telegramMessages().size() == 1);
        assertThat(slackMessages().get(0).get("text").asString()).isEqualTo("""
                Clarification needed: task 12 (po.refine_epic, epic 3) asks:
                • Which card brands?
                • Is 3-D Secure required?
                Answer it in the clarification inbox.""");
    }

    @Test
    void aStoryWhoseDevTaskEndedWithoutAPullRequestIsAnnouncedAndOtherFailuresAreNot() {
        long story = jdbc.queryForObject("select id from stories where title = 'Pay by card'", Long.class);
        publish(new TaskFailed(40, "po.refine_epic", 3L, null, "budget 'max-steps' exceeded"));
        publish(new TaskFailed(41, "dev.implement_story", 3L, story, "tests still fail after the agent finished; nothing was pushed"));

        // clock wait: a message reaching the (stub) chat service is an external effect, not a domain event
        await().atMost(Duration.ofSeconds(10)).until(() -> slackMessages().size() == 1 && telegramMessages().size() == 1);
        assertThat(slackMessages().get(0).get("text").asString()).isEqualTo("Story " + story + " \"Pay by card\" is "
                + "blocked: its Dev task 41 ended without a pull request: tests still fail after the agent finished; nothing "
                + "was pushed\nRun it again from the backlog (\"Run the Dev task again\"), change the story, or cancel it.");
        awaitBarrier();
        assertThat(slackMessages()).as("the story's and the barrier; none for the PO task").hasSize(2);
    }

    @Test
    void failingChatServicesAreLoggedWithoutSecretsAndDoNotDisturbTheFlow(CapturedOutput output) {
        CHAT.stubFor(post(urlEqualTo(SLACK_PATH)).willReturn(aResponse().withStatus(404).withBody("no_service")));
        CHAT.stubFor(post(urlEqualTo(TELEGRAM_PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"ok\": false, \"error_code\": 400, \"description\": \"Bad Request: chat not found\"}")));

        process("pull_request", "pull_request.opened.json");
        process("check_suite", "check_suite.completed-success.json");
        String outcome = process("pull_request_review", "pull_request_review.approved.json");

        assertThat(outcome).endsWith("review is APPROVED");
        // clock wait: a message reaching the (stub) chat service is an external effect, not a domain event
        await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().contains("chat not found")
                && output.getOut().contains("no_service"));
        assertThat(output.getOut()).contains("Slack (http://localhost/…) answered 404: no_service")
                .doesNotContain(TELEGRAM_TOKEN).doesNotContain("slack-secret-part");
        CHAT.verify(1, postRequestedFor(urlEqualTo(TELEGRAM_PATH)).withHeader("Content-Type", equalTo("application/json")));
    }

    /**
     * Notification work runs in order on one thread (the queue fills before a second starts), so once a clarification
     * sent after the events under test has arrived, everything those events could have sent has been sent too.
     */
    private void awaitBarrier() {
        int before = slackMessages().size();
        publish(new TaskBlocked(99, "po.refine_epic", 1L, null, List.of("barrier")));
        // clock wait: a message reaching the (stub) chat service is an external effect, not a domain event
        await().atMost(Duration.ofSeconds(10)).until(() -> slackMessages().size() > before
                && slackMessages().get(slackMessages().size() - 1).get("text").asString().contains("barrier"));
    }

    private void publish(Object event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }

    private List<JsonNode> slackMessages() {
        return bodies(SLACK_PATH);
    }

    private List<JsonNode> telegramMessages() {
        return bodies(TELEGRAM_PATH);
    }

    private static List<JsonNode> bodies(String path) {
        return CHAT.findAll(postRequestedFor(urlEqualTo(path))).stream().map(LoggedRequest::getBodyAsString)
                .map(JSON::readTree).toList();
    }
}
