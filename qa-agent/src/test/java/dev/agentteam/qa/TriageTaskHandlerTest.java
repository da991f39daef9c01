package dev.agentteam.qa;

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
import org.springframework.util.unit.DataSize;
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
import dev.agentteam.common.sandbox.Sandbox;
import dev.agentteam.common.sandbox.SandboxProperties;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.TaskEnvelope;
import dev.agentteam.common.task.TaskResult;
import dev.agentteam.common.testing.DemoRepositories;
import dev.agentteam.common.testing.GitHubStubs;
import dev.agentteam.common.testreport.TestCommandRunner;
import dev.agentteam.common.worker.WorkerContexts;
import dev.agentteam.common.workspace.GitWorkspaces;
import dev.agentteam.common.workspace.WorkspaceProperties;

/**
 * QA triage with a real rerun in the sandbox on a demo repository: the CI result it gets is what the CI agent
 * reports; the classification follows from what the rerun does on the same commit.
 */
class TriageTaskHandlerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static WireMockServer github;

    @TempDir
    Path dir;

    private Path bare;
    private TriageTaskHandler handler;

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
        Sandbox sandbox = new Sandbox(new SandboxProperties(Duration.ofMinutes(2), DataSize.ofMegabytes(512), 128,
                DataSize.ofMegabytes(50), Duration.ofSeconds(60), DataSize.ofKilobytes(256), List.of(),
                Path.of(System.getProperty("java.io.tmpdir"), "qa-test-sandbox"), null, 0, 0));
        QaAgentProperties settings = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("agentteam.qa", QaAgentProperties.class);
        handler = new TriageTaskHandler(new GitWorkspaces(new WorkspaceProperties(dir.resolve("work"), null, null, null,
                null, null, 0, 0)), new TestCommandRunner(sandbox, List.of(), 5_000_000),
                new CodeHosts(new EmbeddedForgeProperties(null, null, null), new GitHubProperties(github.baseUrl(), "ghp_x", null)),
                gateway, new StructuredOutput(), new PromptRegistry(PromptRegistry.loadClasspath(), Map.of()), settings);
    }

    @Test
    void aTestThatFailedInCiButPassesOnTheRerunIsFlaky() throws Exception {
        String sha = push("feature/ISSUE-7");
        Map<String, Object> ci = ci(List.of(failure("test_words.CountWordsTest.test_counts_words", "AssertionError: 2 != 3")),
                false, "FAILED (failures=1)");

        TaskResult result = run(task(31, sha, ci));

        assertThat(result.output()).containsEntry("verdict", "flaky")
                .containsEntry("flaky", List.of("test_words.CountWordsTest.test_counts_words"));
        assertThat(result.output().get("regressions")).isEqualTo(List.of());
        String comment = onlyComment();
        assertThat(comment).startsWith("### QA triage: flaky")
                .contains("| `test_words.CountWordsTest.test_counts_words` | flaky | passed on the rerun |");
    }

    @Test
    void aGreenCiRunGetsOneCleanCommentWithoutARerunOrAModelCall() throws Exception {
        String sha = push("feature/ISSUE-6");
        Map<String, Object> ci = Map.of("task_id", 29, "timed_out", false, "exit_code", 0, "log_tail", "OK",
                "report", Map.of("tests", 14, "failures", 0, "errors", 0, "skipped", 1, "source", "junit-xml",
                        "failed", List.of()));

        TaskResult result = run(task(30, sha, ci));

        assertThat(result.output()).containsEntry("verdict", "clean").containsEntry("regressions", List.of())
                .containsEntry("flaky", List.of()).doesNotContainKey("rerun");
        assertThat(result.usage().totalTokens()).isZero();
        assertThat(onlyComment()).startsWith("### QA triage: clean")
                .contains("CI passed: 14 tests, 13 passed, 1 skipped");
    }

    @Test
    void aTestThatFailsAgainIsARegressionWithItsMessage() throws Exception {
        String sha = DemoRepositories.pushBranch(dir, "demo", "feature/ISSUE-8", Map.of("textstats/__init__.py", """
                def count_words(text):
                    return len(text.split()) - 1
                """));
        new GitHubStubs(github).repositoryWithPullRequest("acme", "demo", 3, "feature/ISSUE-8", sha, "main");
        Map<String, Object> ci = ci(List.of(failure("test_words.CountWordsTest.test_counts_words", "AssertionError: 2 != 3")),
                false, "FAILED (failures=1)");

        TaskResult result = run(task(32, sha, ci));

        assertThat(result.output()).containsEntry("verdict", "regression");
        assertThat(result.output().get("regressions").toString())
                .contains("test_words.CountWordsTest.test_counts_words", "failed again on the rerun", "2 != 3");
        assertThat(onlyComment()).contains("| regression | failed again on the rerun |");
    }

    @Test
    void aTimedOutRunWithoutFailingTestsIsInfrastructure() throws Exception {
        String sha = push("feature/ISSUE-9");

        TaskResult result = run(task(33, sha, ci(List.of(), true, "…still running")));

        assertThat(result.output()).containsEntry("verdict", "infrastructure");
        assertThat(result.output().get("infrastructure").toString()).contains("timeout");
        assertThat(onlyComment()).contains("infrastructure");
    }

    private String push(String branch) throws Exception {
        String sha = DemoRepositories.pushBranch(dir, "demo", branch, Map.of("textstats/extra.py", "X = 1\n"));
        new GitHubStubs(github).repositoryWithPullRequest("acme", "demo", 3, branch, sha, "main");
        return sha;
    }

    private static Map<String, Object> failure(String name, String message) {
        return Map.of("name", name, "kind", "failure", "message", message);
    }

    private static Map<String, Object> ci(List<Map<String, Object>> failed, boolean timedOut, String log) {
        return Map.of("task_id", 30, "timed_out", timedOut, "exit_code", timedOut ? 137 : 1, "log_tail", log,
                "report", Map.of("tests", failed.isEmpty() ? 0 : 1, "failures", failed.size(), "errors", 0, "skipped", 0,
                        "source", failed.isEmpty() ? "none" : "junit-xml", "failed", failed));
    }

    private String onlyComment() {
        List<LoggedRequest> comments = github.findAll(postRequestedFor(urlPathEqualTo("/repos/acme/demo/issues/3/comments")));
        assertThat(comments).hasSize(1);
        return JSON.readTree(comments.get(0).getBodyAsString()).path("body").asString();
    }

    private TaskResult run(TaskEnvelope task) throws Exception {
        return handler.handle(task, WorkerContexts.of(task, "qa-test", new AtomicInteger()));
    }

    private TaskEnvelope task(long id, String sha, Map<String, Object> ci) {
        Map<String, Object> payload = Map.of(
                "repository", Map.of("forge", "github", "full_name", "acme/demo", "clone_url", bare.toUri().toString(),
                        "test_command", DemoRepositories.JUNIT_COMMAND),
                "pull_request", Map.of("id", 5, "number", 3, "head_sha", sha, "base", "main"),
                "ci", ci, "story_id", 7);
        return new TaskEnvelope(id, TriageTaskHandler.TYPE, AgentRole.QA, 1, Duration.ofMinutes(5), "trace-" + id,
                Instant.now(), payload);
    }
}
