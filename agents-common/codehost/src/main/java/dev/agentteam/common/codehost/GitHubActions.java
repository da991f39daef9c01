package dev.agentteam.common.codehost;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GitHub Actions for the CI/CD agent on GitHub repositories: the workflow runs of a commit, their failed jobs and
 * those jobs' logs, and re-running failed jobs. Not part of {@link CodeHost}: the embedded forge runs CI through
 * the agent itself and has no Actions. Plain REST (github-api has no re-run-failed-jobs call); fails fast on rate
 * limits like {@link GitHubCodeHost}.
 */
public class GitHubActions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One workflow run; {@code conclusion} is null while it runs. */
    public record WorkflowRun(long id, String name, String status, String conclusion, int attempt, String htmlUrl) {

        public boolean completed() {
            return "completed".equals(status);
        }

        public boolean failed() {
            return completed() && !"success".equals(conclusion) && !"skipped".equals(conclusion)
                    && !"neutral".equals(conclusion);
        }
    }

    public record WorkflowJob(long id, String name, String conclusion, String htmlUrl) {
    }

    private final String api;
    private final String token;
    private final Duration defaultWait;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    public GitHubActions(GitHubProperties properties) {
        this.api = properties.apiUrl().replaceAll("/+$", "");
        this.token = properties.token();
        this.defaultWait = properties.defaultRateLimitWait();
    }

    public List<WorkflowRun> runs(RepositoryRef repository, String headSha) {
        JsonNode body = json("GET", "/repos/" + repository.fullName() + "/actions/runs?head_sha=" + headSha + "&per_page=100");
        List<WorkflowRun> runs = new ArrayList<>();
        for (JsonNode run : body.path("workflow_runs")) {
            runs.add(new WorkflowRun(run.path("id").asLong(), run.path("name").asString(""), run.path("status").asString(""),
                    run.path("conclusion").isNull() ? null : run.path("conclusion").asString(null),
                    run.path("run_attempt").asInt(1), run.path("html_url").asString(null)));
        }
        return runs;
    }

    /** The jobs of the run's latest attempt that did not succeed. */
    public List<WorkflowJob> failedJobs(RepositoryRef repository, long runId) {
        JsonNode body = json("GET", "/repos/" + repository.fullName() + "/actions/runs/" + runId + "/jobs?filter=latest&per_page=100");
        List<WorkflowJob> jobs = new ArrayList<>();
        for (JsonNode job : body.path("jobs")) {
            String conclusion = job.path("conclusion").asString("");
            if (conclusion.equals("failure") || conclusion.equals("timed_out") || conclusion.equals("cancelled")) {
                jobs.add(new WorkflowJob(job.path("id").asLong(), job.path("name").asString(""), conclusion,
                        job.path("html_url").asString(null)));
            }
        }
        return jobs;
    }

    /** The end of a job's log (GitHub answers with a redirect to the plain-text log). */
    public String jobLog(RepositoryRef repository, long jobId, int maxChars) {
        String log = send("GET", "/repos/" + repository.fullName() + "/actions/jobs/" + jobId + "/logs").body();
        return log.length() <= maxChars ? log : log.substring(log.length() - maxChars);
    }

    /** Re-runs the failed jobs of a run (and what depends on them). */
    public void rerunFailedJobs(RepositoryRef repository, long runId) {
        send("POST", "/repos/" + repository.fullName() + "/actions/runs/" + runId + "/rerun-failed-jobs");
    }

    private JsonNode json(String method, String path) {
        try {
            return JSON.readTree(send(method, path).body());
        } catch (JacksonException e) {
            throw new CodeHostException("GitHub answered unreadable JSON for " + method + " " + path, 0, e);
        }
    }

    private HttpResponse<String> send(String method, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/vnd.github+json").header("X-GitHub-Api-Version", "2022-11-28")
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw failure(method + " " + path, response);
            }
            return response;
        } catch (IOException e) {
            throw new CodeHostException("GitHub unreachable for " + method + " " + path + ": " + e.getMessage(), 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CodeHostException("interrupted during " + method + " " + path, 0, e);
        }
    }

    private CodeHostException failure(String what, HttpResponse<String> response) {
        int status = response.statusCode();
        boolean limited = status == 429 || (status == 403 && (response.headers().firstValue("Retry-After").isPresent()
                || "0".equals(response.headers().firstValue("x-ratelimit-remaining").orElse(""))));
        if (limited) {
            return new RateLimitedException(RateLimitResponses.wait(
                    name -> response.headers().firstValue(name).orElse(null), Instant.now(), defaultWait));
        }
        return new CodeHostException("GitHub refused " + what + " (" + status + ")", status);
    }
}
