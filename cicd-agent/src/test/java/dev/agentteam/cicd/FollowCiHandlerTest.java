package dev.agentteam.cicd;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import dev.agentteam.common.artifact.DirectoryArtifactStore;
import dev.agentteam.common.codehost.GitHubActions;
import dev.agentteam.common.codehost.GitHubProperties;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.TaskEnvelope;
import dev.agentteam.common.task.TaskResult;
import dev.agentteam.common.worker.TaskFailure;
import dev.agentteam.common.worker.WorkerContexts;

/** Following GitHub Actions through its REST API (WireMock answering in GitHub's shapes). */
class FollowCiHandlerTest {

    private static final String SHA = "6dcb09b5b57875f334f61aebed695e2e4193db5e";
    private static final String RUNS = "/repos/acme/shop/actions/runs";
    private static WireMockServer github;

    @TempDir
    Path dir;

    private DirectoryArtifactStore artifacts;
    private FollowCiHandler handler;

    @BeforeAll
    static void start() {
        github = new WireMockServer(options().dynamicPort());
        github.start();
    }

    @AfterAll
    static void stop() {
        github.stop();
    }

    @BeforeEach
    void setUp() {
        github.resetAll();
        repository();
        artifacts = new DirectoryArtifactStore(dir);
        handler = new FollowCiHandler(new GitHubActions(new GitHubProperties(github.baseUrl(), "ghp_follow", null)), artifacts,
                new CicdAgentProperties(Duration.ofMinutes(1), "agent-team/ci", List.of(), DataSize.ofMegabytes(1), 2000,
                        null, null, Duration.ofMinutes(1)));
    }

    @Test
    void aFailedRunKeepsTheFailedJobsLogAndItsTestFailures() throws Exception {
        runs("completed", "failure", 1);
        github.stubFor(get(urlPathEqualTo(RUNS + "/30433642/jobs")).willReturn(okJson("""
                {"total_count": 2, "jobs": [
                  {"id": 399444496, "run_id": 30433642, "name": "build", "status": "completed", "conclusion": "success",
                   "html_url": "https://github.com/acme/shop/actions/runs/30433642/job/399444496"},
                  {"id": 399444497, "run_id": 30433642, "name": "test", "status": "completed", "conclusion": "failure",
                   "html_url": "https://github.com/acme/shop/actions/runs/30433642/job/399444497"}]}
                """)));
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/actions/jobs/399444497/logs")).willReturn(aResponse()
                .withStatus(302).withHeader("Location", github.baseUrl() + "/blob/job-logs/399444497.txt")));
        github.stubFor(get(urlPathEqualTo("/blob/job-logs/399444497.txt")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain").withBody("""
                        2026-11-26T08:00:01Z Run pytest
                        2026-11-26T08:00:03Z FAILED tests/test_cart.py::test_total - assert 9 == 10
                        2026-11-26T08:00:03Z ========= 1 failed, 7 passed in 0.52s =========
                        """.replaceAll("(?m)^2026-11-26T08:00:0\\dZ ", ""))));

        TaskResult result = run(Map.of());

        assertThat(result.output()).containsEntry("conclusion", "failure");
        assertThat(result.output().get("report").toString()).contains("tests=8", "failures=1",
                "tests/test_cart.py::test_total", "assert 9 == 10");
        assertThat(artifacts.get("tasks/50/attempt-1/job-399444497.log").orElseThrow().text()).contains("1 failed, 7 passed");
        github.verify(getRequestedFor(urlPathEqualTo(RUNS)).withQueryParam("head_sha", equalTo(SHA))
                .withHeader("Authorization", matching("(token|Bearer) ghp_follow")));
    }

    @Test
    void whenQaSuspectsAFlakyTestTheFailedJobsAreRerunOnce() throws Exception {
        runs("completed", "failure", 1);
        github.stubFor(post(urlPathEqualTo(RUNS + "/30433642/rerun-failed-jobs")).willReturn(aResponse().withStatus(201)));

        TaskResult result = run(Map.of("rerun_failed", true));

        assertThat(result.output()).containsEntry("conclusion", "rerun_requested").containsEntry("rerun_runs", List.of(30433642L));
        github.verify(1, postRequestedFor(urlPathEqualTo(RUNS + "/30433642/rerun-failed-jobs")));
    }

    @Test
    void aRunningWorkflowIsPendingAndARateLimitIsRetriedLater() throws Exception {
        runs("in_progress", null, 1);
        assertThat(run(Map.of()).output()).containsEntry("conclusion", "pending");

        github.resetAll();
        repository();
        github.stubFor(get(urlPathEqualTo(RUNS)).willReturn(aResponse().withStatus(403)
                .withHeader("x-ratelimit-remaining", "0")
                .withHeader("x-ratelimit-reset", String.valueOf(Instant.now().getEpochSecond() + 120))
                .withBody("{\"message\": \"API rate limit exceeded\"}")));
        TaskFailure failure = TaskFailure.of(catchThrowable(() -> run(Map.of())));
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).isBetween(Duration.ofSeconds(100), Duration.ofSeconds(121));
        assertThat(failure.reason()).startsWith("could not follow CI on GitHub: code host rate limit reached");
    }

    @Test
    void aGitHubServerErrorMayPassWhereARefusalIsFinal() {
        github.stubFor(get(urlPathEqualTo(RUNS)).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "application/json").withBody("{\"message\": \"Bad Gateway\"}")));
        TaskFailure outage = TaskFailure.of(catchThrowable(() -> run(Map.of())));

        github.stubFor(get(urlPathEqualTo(RUNS)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"message\": \"Not Found\"}")));
        TaskFailure refusal = TaskFailure.of(catchThrowable(() -> run(Map.of())));

        assertThat(outage.retryable()).isTrue();
        assertThat(outage.reason()).startsWith("could not follow CI on GitHub: could not list the workflow runs of " + SHA);
        assertThat(refusal.retryable()).isFalse();
        assertThat(refusal.reason()).startsWith("could not follow CI on GitHub: could not list the workflow runs of " + SHA)
                .contains("not found");
    }

    @Test
    void aFailedRunIsAVerdictWhileAnotherStillRuns() throws Exception {
        github.stubFor(get(urlPathEqualTo(RUNS)).willReturn(okJson("""
                {"total_count": 2, "workflow_runs": [
                  {"id": 30433642, "name": "CI", "head_sha": "%1$s", "status": "completed", "conclusion": "failure", "run_attempt": 1},
                  {"id": 30433643, "name": "Lint", "head_sha": "%1$s", "status": "in_progress", "conclusion": null, "run_attempt": 1}]}
                """.formatted(SHA))));
        github.stubFor(get(urlPathEqualTo(RUNS + "/30433642/jobs")).willReturn(okJson("""
                {"total_count": 1, "jobs": [{"id": 7, "name": "test", "status": "completed", "conclusion": "timed_out"}]}
                """)));
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/actions/jobs/7/logs")).willReturn(aResponse().withStatus(200)
                .withBody("##[error]The job running on runner GitHub Actions 2 has exceeded the maximum execution time")));

        TaskResult result = run(Map.of());

        assertThat(result.output()).containsEntry("conclusion", "failure").containsEntry("timed_out", true);
        assertThat(result.output().get("log_tail").toString()).contains("CI / test (timed_out)", "maximum execution time");
    }

    /** The repository, the workflow run and the jobs as GitHub serves them one by one (the library reads each). */
    private static void repository() {
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop")).willReturn(okJson("""
                {"id": 1296269, "name": "shop", "full_name": "acme/shop", "owner": {"login": "acme", "id": 1},
                 "url": "%1$s/repos/acme/shop", "html_url": "https://github.com/acme/shop", "default_branch": "main"}
                """.formatted(github.baseUrl()))));
        github.stubFor(get(urlPathEqualTo(RUNS + "/30433642")).willReturn(okJson("""
                {"id": 30433642, "name": "CI", "head_sha": "%s", "status": "completed", "conclusion": "failure",
                 "run_attempt": 1, "url": "%s/repos/acme/shop/actions/runs/30433642",
                 "jobs_url": "%2$s/repos/acme/shop/actions/runs/30433642/jobs"}
                """.formatted(SHA, github.baseUrl()))));
        for (long job : new long[] {7, 399444497}) {
            github.stubFor(get(urlPathEqualTo("/repos/acme/shop/actions/jobs/" + job)).willReturn(okJson("""
                    {"id": %d, "run_id": 30433642, "name": "test", "status": "completed", "conclusion": "failure",
                     "url": "%s/repos/acme/shop/actions/jobs/%1$d"}
                    """.formatted(job, github.baseUrl()))));
        }
    }

    private void runs(String status, String conclusion, int attempt) {
        github.stubFor(get(urlPathEqualTo(RUNS)).willReturn(okJson("""
                {"total_count": 1, "workflow_runs": [{"id": 30433642, "name": "CI", "head_sha": "%s", "status": "%s",
                 "conclusion": %s, "run_attempt": %d, "html_url": "https://github.com/acme/shop/actions/runs/30433642"}]}
                """.formatted(SHA, status, conclusion == null ? "null" : "\"" + conclusion + "\"", attempt))));
    }

    private TaskResult run(Map<String, Object> extra) throws Exception {
        Map<String, Object> payload = new HashMap<>(Map.of(
                "repository", Map.of("forge", "github", "full_name", "acme/shop", "clone_url", "https://github.com/acme/shop.git"),
                "pull_request", Map.of("id", 9, "number", 12, "head", "feature/ISSUE-3", "head_sha", SHA, "base", "main")));
        payload.putAll(extra);
        TaskEnvelope task = new TaskEnvelope(50, FollowCiHandler.TYPE, AgentRole.CICD, 1, Duration.ofMinutes(5), "t",
                Instant.now(), payload);
        return handler.handle(task, WorkerContexts.of(task, "cicd-test", new AtomicInteger()));
    }
}
