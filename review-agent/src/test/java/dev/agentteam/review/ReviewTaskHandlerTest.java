package dev.agentteam.review;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.agentteam.common.codehost.CodeHosts;
import dev.agentteam.common.codehost.EmbeddedForgeProperties;
import dev.agentteam.common.codehost.GitHubProperties;
import dev.agentteam.common.llm.ChatModelFactory;
import dev.agentteam.common.llm.LlmGateway;
import dev.agentteam.common.llm.LlmProperties;
import dev.agentteam.common.llm.ScenarioLibrary;
import dev.agentteam.common.llm.StructuredOutput;
import dev.agentteam.common.prompt.PromptRegistry;
import dev.agentteam.common.retrieval.CodeRetrieval;
import dev.agentteam.common.retrieval.RetrievalLog;
import dev.agentteam.common.retrieval.RetrievalProperties;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.ResultStatus;
import dev.agentteam.common.task.TaskEnvelope;
import dev.agentteam.common.task.TaskResult;
import dev.agentteam.common.testing.DemoRepositories;
import dev.agentteam.common.testing.GitHubStubs;
import dev.agentteam.common.worker.WorkerContexts;
import dev.agentteam.common.workspace.GitWorkspaces;
import dev.agentteam.common.workspace.WorkspaceProperties;

/**
 * The Review agent on a real checkout of a demo repository, the shipped scripted review scenarios through the LLM
 * gateway, and GitHubCodeHost posting to GitHub's API (WireMock).
 */
class ReviewTaskHandlerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static WireMockServer github;

    @TempDir
    Path dir;

    private Path bare;
    private ReviewTaskHandler handler;

    @BeforeAll
    static void startGitHub() {
        github = new WireMockServer(options().dynamicPort());
        github.start();
    }

    @AfterAll
    static void stopGitHub() {
        github.stop();
    }

    @BeforeEach
    void setUp() throws Exception {
        github.resetAll();
        bare = DemoRepositories.create(dir, "demo");
        LlmProperties llm = new Binder(new MapConfigurationPropertySource(Map.of("agentteam.llm.provider", "scripted")))
                .bindOrCreate("agentteam.llm", LlmProperties.class);
        LlmGateway gateway = new LlmGateway(new ChatModelFactory(llm, () -> ScenarioLibrary.load(llm.scripted().scenarios())),
                llm, null);
        ReviewAgentProperties settings = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("agentteam.review", ReviewAgentProperties.class);
        handler = new ReviewTaskHandler(new GitWorkspaces(new WorkspaceProperties(dir.resolve("work"), null, null, null,
                null, null, 0, 0)),
                new CodeHosts(new EmbeddedForgeProperties(null, null, null), new GitHubProperties(github.baseUrl(), "ghp_x", null)),
                gateway, new StructuredOutput(), new PromptRegistry(PromptRegistry.loadClasspath(), Map.of()), settings,
                new CodeRetrieval(new RetrievalProperties(null, null), new EmbeddedForgeProperties(null, null, null),
                        new CodeHosts(new EmbeddedForgeProperties(null, null, null), new GitHubProperties(null, null, null)),
                        new RetrievalLog(null)));
    }

    @Test
    void findingsOnChangedLinesBecomeInlineCommentsTheRestGoesIntoTheSummary() throws Exception {
        String sha = pushChange("feature/ISSUE-7");

        TaskResult result = run(task(21, sha, 1));

        assertThat(result.status()).isEqualTo(ResultStatus.SUCCEEDED);
        assertThat(result.output()).containsEntry("verdict", "changes_requested").containsEntry("inline_comments", 1)
                .containsEntry("label", "agent-review:changes-requested").containsEntry("needs_human", false);
        JsonNode review = onlyReview();
        assertThat(review.path("commit_id").asString()).isEqualTo(sha);
        assertThat(review.path("comments")).hasSize(1);
        JsonNode comment = review.path("comments").get(0);
        assertThat(comment.path("path").asString()).isEqualTo("textstats/core.py");
        assertThat(comment.path("line").asInt()).isEqualTo(3);
        assertThat(comment.path("body").asString()).startsWith("**major** — Empty or whitespace-only text")
                .contains("```suggestion\n    return len(text.split()) if text.strip() else 0\n```");
        assertThat(review.path("body").asString()).contains("changes requested", "Other remarks", "`textstats/core.py:40`",
                "**nit**");
        assertThat(labels()).containsExactly("agent-review:changes-requested");
    }

    @Test
    void whenTheForgeRefusesAnInlineCommentTheFindingsGoIntoTheSummary() throws Exception {
        String sha = pushChange("feature/ISSUE-10");
        github.stubFor(post(urlPathEqualTo("/repos/acme/demo/pulls/3/reviews")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.comments[0]"))
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\": \"Unprocessable Entity\", \"errors\": [\"Line could not be resolved\"]}")));

        TaskResult result = run(task(24, sha, 1));

        assertThat(result.output()).containsEntry("verdict", "changes_requested").containsEntry("inline_comments", 0);
        List<LoggedRequest> reviews = github.findAll(postRequestedFor(urlPathEqualTo("/repos/acme/demo/pulls/3/reviews")));
        assertThat(reviews).hasSize(2);
        JsonNode accepted = JSON.readTree(reviews.get(1).getBodyAsString());
        assertThat(accepted.path("comments").isMissingNode() || accepted.path("comments").isEmpty()).isTrue();
        assertThat(accepted.path("body").asString()).contains("`textstats/core.py:3`", "`textstats/core.py:40`");
        assertThat(labels()).containsExactly("agent-review:changes-requested");
    }

    @Test
    void theLastRoundHandsThePullRequestToAPerson() throws Exception {
        String sha = pushChange("feature/ISSUE-8");

        TaskResult result = run(task(22, sha, 2));

        assertThat(result.output()).containsEntry("verdict", "changes_requested").containsEntry("needs_human", true)
                .containsEntry("label", "needs-human");
        assertThat(labels()).containsExactly("needs-human");
        assertThat(onlyReview().path("body").asString()).contains("needs-human");
    }

    @Test
    void aCleanChangeIsApprovedWithoutInlineComments() throws Exception {
        String sha = DemoRepositories.pushBranch(dir, "demo", "feature/ISSUE-9", Map.of("textstats/lines.py", """
                def count_lines(text):
                    return len(text.splitlines())
                """));
        new GitHubStubs(github).repositoryWithPullRequest("acme", "demo", 3, "feature/ISSUE-9", sha, "main");

        TaskResult result = run(task(23, sha, 1));

        assertThat(result.output()).containsEntry("verdict", "approve").containsEntry("inline_comments", 0);
        assertThat(onlyReview().path("comments").isMissingNode() || onlyReview().path("comments").isEmpty()).isTrue();
        assertThat(labels()).containsExactly("agent-review:approved");
        assertThat(result.usage().totalTokens()).isPositive();
    }

    private String pushChange(String branch) throws Exception {
        String sha = DemoRepositories.pushBranch(dir, "demo", branch, Map.of("textstats/core.py", """
                def count_words(text):
                    print("debug", text)
                    return len(text.split())
                """));
        new GitHubStubs(github).repositoryWithPullRequest("acme", "demo", 3, branch, sha, "main");
        return sha;
    }

    private JsonNode onlyReview() {
        List<LoggedRequest> reviews = github.findAll(postRequestedFor(urlPathEqualTo("/repos/acme/demo/pulls/3/reviews")));
        assertThat(reviews).hasSize(1);
        return JSON.readTree(reviews.get(0).getBodyAsString());
    }

    private List<String> labels() {
        List<LoggedRequest> requests = github.findAll(postRequestedFor(urlPathEqualTo("/repos/acme/demo/issues/3/labels")));
        assertThat(requests).hasSize(1);
        JsonNode body = JSON.readTree(requests.get(0).getBodyAsString());
        JsonNode list = body.isArray() ? body : body.path("labels");
        return list.valueStream().map(JsonNode::asString).toList();
    }

    private TaskResult run(TaskEnvelope task) throws Exception {
        return handler.handle(task, WorkerContexts.of(task, "review-test", new AtomicInteger()));
    }

    private TaskEnvelope task(long id, String sha, int round) {
        Map<String, Object> payload = Map.of(
                "repository", Map.of("forge", "github", "full_name", "acme/demo", "clone_url", bare.toUri().toString()),
                "pull_request", Map.of("id", 5, "number", 3, "head", "feature/ISSUE-7", "head_sha", sha, "base", "main"),
                "story", Map.of("id", 7, "title", "Count words", "statement", "As a writer I want word counts.",
                        "acceptance_criteria", List.of(Map.of("given", "a text", "when", "counted", "then", "its words"),
                                Map.of("given", "empty text", "when", "counted", "then", "0"))),
                "round", round);
        return new TaskEnvelope(id, ReviewTaskHandler.TYPE, AgentRole.REVIEW, 1, Duration.ofMinutes(5), "trace-" + id,
                Instant.now(), payload);
    }
}
