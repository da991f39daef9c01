package dev.agentteam.cicd;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
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
import org.springframework.util.unit.DataSize;

import dev.agentteam.common.artifact.DirectoryArtifactStore;
import dev.agentteam.common.codehost.CodeHosts;
import dev.agentteam.common.codehost.EmbeddedForgeProperties;
import dev.agentteam.common.codehost.GitHubProperties;
import dev.agentteam.common.sandbox.Sandbox;
import dev.agentteam.common.sandbox.SandboxProperties;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.ResultStatus;
import dev.agentteam.common.task.TaskEnvelope;
import dev.agentteam.common.task.TaskResult;
import dev.agentteam.common.testing.DemoRepositories;
import dev.agentteam.common.testing.GitHubStubs;
import dev.agentteam.common.testreport.TestCommandRunner;
import dev.agentteam.common.worker.WorkerContexts;
import dev.agentteam.common.workspace.GitWorkspaces;
import dev.agentteam.common.workspace.WorkspaceProperties;

/**
 * CI for real: a demo repository cloned from a local bare repo, its tests run in the sandbox, reports and log kept
 * in a directory artifact store, and the commit status reported to GitHub's API (WireMock).
 */
class RunCiHandlerTest {

    private static WireMockServer github;

    @TempDir
    Path dir;

    private DirectoryArtifactStore artifacts;
    private RunCiHandler handler;
    private Path bare;

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
        artifacts = new DirectoryArtifactStore(dir.resolve("artifacts"));
        Sandbox sandbox = new Sandbox(new SandboxProperties(Duration.ofMinutes(2), DataSize.ofMegabytes(512), 128,
                DataSize.ofMegabytes(50), Duration.ofSeconds(60), DataSize.ofKilobytes(256), List.of(),
                Path.of(System.getProperty("java.io.tmpdir"), "cicd-test-sandbox"), null, 0, 0));
        CodeHosts hosts = new CodeHosts(new EmbeddedForgeProperties(null, null, null),
                new GitHubProperties(github.baseUrl(), "ghp_cicd_test_token", null));
        CicdAgentProperties settings = new CicdAgentProperties(Duration.ofMinutes(2), "agent-team/ci", List.of(),
                DataSize.ofMegabytes(5), 2000, null, null, Duration.ofMinutes(1));
        handler = new RunCiHandler(new GitWorkspaces(new WorkspaceProperties(dir.resolve("work"), null, null, null, null,
                null, 0, 0)), new TestCommandRunner(sandbox, List.of(), 5_000_000), artifacts, hosts, settings,
                new QualityChecks(sandbox, settings));
    }

    @Test
    void aFailingTestFailsTheStatusAndIsReportedWithItsMessage() throws Exception {
        String sha = DemoRepositories.pushBranch(dir, "demo", "feature/ISSUE-7", Map.of("tests/test_more.py", """
                import unittest

                from textstats import count_words


                class MoreTest(unittest.TestCase):

                    def test_empty_text_has_no_words(self):
                        self.assertEqual(count_words(""), 0)

                    def test_hyphenated_word_is_one(self):
                        self.assertEqual(count_words("well-known fact"), 3)
                """));
        new GitHubStubs(github).repositoryWithPullRequest("acme", "demo", 3, "feature/ISSUE-7", sha, "main");

        TaskResult result = run(task(11, sha, DemoRepositories.JUNIT_COMMAND));

        assertThat(result.status()).isEqualTo(ResultStatus.SUCCEEDED);
        assertThat(result.output()).containsEntry("conclusion", "failure").containsEntry("head_sha", sha);
        @SuppressWarnings("unchecked")
        Map<String, Object> report = (Map<String, Object>) result.output().get("report");
        assertThat(report).containsEntry("tests", 3).containsEntry("failures", 1).containsEntry("errors", 0)
                .containsEntry("source", "junit-xml");
        assertThat(report.get("failed").toString()).contains("name=test_more.MoreTest.test_hyphenated_word_is_one")
                .contains("2 != 3");
        List<LoggedRequest> statuses = github.findAll(postRequestedFor(urlPathEqualTo("/repos/acme/demo/statuses/" + sha)));
        assertThat(statuses).extracting(r -> r.getBodyAsString().replaceAll(".*\"state\"\\s*:\\s*\"(\\w+)\".*", "$1"))
                .containsExactly("pending", "failure");
        github.verify(postRequestedFor(urlPathEqualTo("/repos/acme/demo/statuses/" + sha))
                .withRequestBody(matchingJsonPath("$.context", equalTo("agent-team/ci")))
                .withRequestBody(matchingJsonPath("$.description", equalTo("3 tests, 2 passed, 1 failed, 0 errors, 0 skipped (exit 1)"))));
        assertThat(artifacts.get("tasks/11/attempt-1/ci-log.txt").orElseThrow().text())
                .contains("test_hyphenated_word_is_one").contains("FAILED");
        assertThat(artifacts.get("tasks/11/attempt-1/reports/reports/TEST-unittest.xml").orElseThrow().text())
                .contains("<testsuite");
        assertThat(result.output().get("artifacts").toString()).contains("ci-log", "junit-xml");
    }

    @Test
    void aGreenRunWithoutReportsIsReadFromTheLogAndSucceeds() throws Exception {
        String sha = DemoRepositories.pushBranch(dir, "demo", "feature/ISSUE-8", Map.of("textstats/extra.py", "X = 1\n"));
        new GitHubStubs(github).repositoryWithPullRequest("acme", "demo", 4, "feature/ISSUE-8", sha, "main");

        TaskResult result = run(task(12, sha, "python3 -m unittest discover -s tests -v"));

        assertThat(result.output()).containsEntry("conclusion", "success").containsEntry("exit_code", 0);
        @SuppressWarnings("unchecked")
        Map<String, Object> report = (Map<String, Object>) result.output().get("report");
        assertThat(report).containsEntry("tests", 1).containsEntry("passed", 1).containsEntry("source", "unittest-log");
        github.verify(postRequestedFor(urlPathEqualTo("/repos/acme/demo/statuses/" + sha))
                .withRequestBody(matchingJsonPath("$.state", equalTo("success"))));
        assertThat(artifacts.list("tasks/12/")).extracting(a -> a.key()).containsExactly("tasks/12/attempt-1/ci-log.txt");
    }

    @Test
    void configuredQualityChecksEachReportTheirOwnStatus() throws Exception {
        String sha = DemoRepositories.pushBranch(dir, "demo", "feature/ISSUE-9", Map.of("textstats/extra.py", "X = 1\n"));
        new GitHubStubs(github).repositoryWithPullRequest("acme", "demo", 5, "feature/ISSUE-9", sha, "main");

        TaskResult result = run(task(13, sha, "python3 -m unittest discover -s tests", Map.of(
                "lint_command", "python3 -m py_compile textstats/extra.py",
                "coverage_command", "echo 'coverage: 91%'", "coverage_threshold", 80,
                "security_command", "test ! -f requirements.txt")));

        assertThat(result.output()).containsEntry("conclusion", "success");
        assertThat(result.output().get("quality").toString()).contains("check=lint", "check=coverage", "percent=91.0",
                "check=security").doesNotContain("FAILURE");
        assertThat(finalStates(sha)).containsEntry("agent-team/ci", "success").containsEntry("agent-team/lint", "success")
                .containsEntry("agent-team/coverage", "success").containsEntry("agent-team/security", "success");
        github.verify(postRequestedFor(urlPathEqualTo("/repos/acme/demo/statuses/" + sha))
                .withRequestBody(matchingJsonPath("$.description", equalTo("coverage 91% ≥ 80%"))));
    }

    @Test
    void aFailingLintOrTooLittleCoverageIsARedStatusWhileTheTestsStayGreen() throws Exception {
        String sha = DemoRepositories.pushBranch(dir, "demo", "feature/ISSUE-10", Map.of("textstats/broken.py", "def f(:\n"));
        new GitHubStubs(github).repositoryWithPullRequest("acme", "demo", 6, "feature/ISSUE-10", sha, "main");

        TaskResult result = run(task(14, sha, "python3 -m unittest discover -s tests", Map.of(
                "lint_command", "python3 -m py_compile textstats/broken.py",
                "coverage_command", "echo 'TOTAL 40 12 70%'", "coverage_threshold", 80)));

        assertThat(result.output()).containsEntry("conclusion", "success");
        assertThat(finalStates(sha)).containsEntry("agent-team/ci", "success").containsEntry("agent-team/lint", "failure")
                .containsEntry("agent-team/coverage", "failure").doesNotContainKey("agent-team/security");
        github.verify(postRequestedFor(urlPathEqualTo("/repos/acme/demo/statuses/" + sha))
                .withRequestBody(matchingJsonPath("$.description", equalTo("coverage 70% < 80%"))));
    }

    @Test
    void theLastPercentageOfTheOutputIsTheCoverage() {
        assertThat(QualityChecks.percent("Name Stmts Miss Cover\ncore.py 10 1 90%\nTOTAL 20 3 85%\n")).isEqualTo(85.0);
        assertThat(QualityChecks.percent("coverage: 72.5%")).isEqualTo(72.5);
        assertThat(QualityChecks.percent("no numbers here")).isNull();
    }

    /** The last state reported per status context. */
    private Map<String, String> finalStates(String sha) {
        Map<String, String> states = new java.util.LinkedHashMap<>();
        for (LoggedRequest request : github.findAll(postRequestedFor(urlPathEqualTo("/repos/acme/demo/statuses/" + sha)))) {
            String body = request.getBodyAsString();
            states.put(body.replaceAll("(?s).*\"context\"\\s*:\\s*\"([^\"]+)\".*", "$1"),
                    body.replaceAll("(?s).*\"state\"\\s*:\\s*\"(\\w+)\".*", "$1"));
        }
        return states;
    }

    private TaskResult run(TaskEnvelope task) throws Exception {
        return handler.handle(task, WorkerContexts.of(task, "cicd-test", new AtomicInteger()));
    }

    private TaskEnvelope task(long id, String sha, String command) {
        return task(id, sha, command, Map.of());
    }

    private TaskEnvelope task(long id, String sha, String command, Map<String, Object> quality) {
        Map<String, Object> repository = new java.util.HashMap<>(quality);
        repository.putAll(Map.of("forge", "github", "full_name", "acme/demo", "clone_url", bare.toUri().toString(),
                "test_command", command));
        Map<String, Object> payload = Map.of(
                "repository", repository,
                "pull_request", Map.of("id", 5, "number", 3, "head", "feature/ISSUE-7", "head_sha", sha, "base", "main"),
                "story_id", 7);
        return new TaskEnvelope(id, RunCiHandler.TYPE, AgentRole.CICD, 1, Duration.ofMinutes(5), "trace-" + id,
                Instant.now(), payload);
    }

}
