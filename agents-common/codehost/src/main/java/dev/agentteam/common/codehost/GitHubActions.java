package dev.agentteam.common.codehost;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GHWorkflowJob;
import org.kohsuke.github.GHWorkflowRun;
import org.kohsuke.github.GitHub;

/**
 * GitHub Actions for the CI/CD agent on GitHub repositories: the workflow runs of a commit, their failed jobs and
 * those jobs' logs (org.kohsuke github-api, like {@link GitHubCodeHost}), and re-running failed jobs. Not part of
 * {@link CodeHost}: the embedded forge runs CI through the agent itself and has no Actions. The library has no call
 * for "re-run failed jobs" (only re-running the whole workflow, which would repeat the jobs that passed), so that
 * one request is sent directly (docs/adr/libraries-instead-of-plumbing.md). Rate limits fail fast, as everywhere.
 */
public class GitHubActions {

    private static final List<GHWorkflowRun.Conclusion> FAILED_JOB = List.of(GHWorkflowRun.Conclusion.FAILURE,
            GHWorkflowRun.Conclusion.TIMED_OUT, GHWorkflowRun.Conclusion.CANCELLED);

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

    private final GitHub github;
    private final String api;
    private final String token;
    private final Duration defaultWait;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();

    public GitHubActions(GitHubProperties properties) {
        this.github = GitHubClients.connect(properties, Clock.systemUTC());
        this.api = properties.apiUrl().replaceAll("/+$", "");
        this.token = properties.token();
        this.defaultWait = properties.defaultRateLimitWait();
    }

    public List<WorkflowRun> runs(RepositoryRef repository, String headSha) {
        GHRepository repo = repository(repository);
        return GitHubResults.call("list the workflow runs of " + headSha + " in " + repository, () -> repo.queryWorkflowRuns()
                .headSha(headSha).list().withPageSize(100).toList().stream().map(GitHubActions::run).toList());
    }

    /** The jobs of the run's latest attempt that did not succeed. */
    public List<WorkflowJob> failedJobs(RepositoryRef repository, long runId) {
        GHRepository repo = repository(repository);
        return GitHubResults.call("list the jobs of run " + runId + " in " + repository, () -> repo.getWorkflowRun(runId).listJobs()
                .withPageSize(100).toList().stream().filter(job -> FAILED_JOB.contains(job.getConclusion()))
                .map(job -> new WorkflowJob(job.getId(), job.getName(), job.getConclusion().toString(),
                        job.getHtmlUrl() == null ? null : job.getHtmlUrl().toString()))
                .toList());
    }

    /** The end of a job's log (GitHub answers with a redirect to the plain-text log, which the library follows). */
    public String jobLog(RepositoryRef repository, long jobId, int maxChars) {
        GHRepository repo = repository(repository);
        String log = GitHubResults.call("read the log of job " + jobId + " in " + repository, () -> {
            GHWorkflowJob job = repo.getWorkflowJob(jobId);
            return job.downloadLogs(in -> new String(in.readAllBytes(), StandardCharsets.UTF_8));
        });
        return log.length() <= maxChars ? log : log.substring(log.length() - maxChars);
    }

    /** Re-runs the failed jobs of a run (and what depends on them). */
    public void rerunFailedJobs(RepositoryRef repository, long runId) {
        String path = "/repos/" + repository.fullName() + "/actions/runs/" + runId + "/rerun-failed-jobs";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/vnd.github+json").header("X-GitHub-Api-Version", "2022-11-28")
                .POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw failure("POST " + path, response);
            }
        } catch (IOException e) {
            throw new CodeHostException("GitHub unreachable for POST " + path + ": " + e.getMessage(), 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CodeHostException("interrupted during POST " + path, 0, e);
        }
    }

    private static WorkflowRun run(GHWorkflowRun run) {
        return new WorkflowRun(run.getId(), run.getName(), run.getStatus().toString(),
                run.getConclusion() == null ? null : run.getConclusion().toString(), (int) run.getRunAttempt(),
                GitHubResults.call("read a run's address", () -> run.getHtmlUrl() == null ? null : run.getHtmlUrl().toString()));
    }

    private GHRepository repository(RepositoryRef repository) {
        return GitHubResults.call("read repository " + repository, () -> github.getRepository(repository.fullName()));
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
