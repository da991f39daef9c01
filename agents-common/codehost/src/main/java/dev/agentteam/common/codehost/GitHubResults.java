package dev.agentteam.common.codehost;

import java.io.IOException;

import org.kohsuke.github.GHCheckRun;
import org.kohsuke.github.GHCommitState;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.HttpException;

/** Maps github-api objects and errors onto the port's records and exceptions. */
final class GitHubResults {

    private GitHubResults() {
    }

    static PullRequest pullRequest(GHPullRequest pr) {
        return new PullRequest(pr.getNumber(), String.valueOf(pr.getHtmlUrl()), pr.getTitle(), pr.getHead().getRef(),
                pr.getHead().getSha(), pr.getBase().getRef(), pr.getState() == GHIssueState.OPEN);
    }

    static CiState state(GHCommitState state) {
        if (state == null) {
            return CiState.PENDING;
        }
        return switch (state) {
            case SUCCESS -> CiState.SUCCESS;
            case PENDING -> CiState.PENDING;
            default -> CiState.FAILURE;
        };
    }

    static CiState state(GHCheckRun run) {
        if (run.getStatus() != GHCheckRun.Status.COMPLETED) {
            return CiState.PENDING;
        }
        if (run.getConclusion() == null) {
            return CiState.FAILURE;
        }
        return switch (run.getConclusion()) {
            case SUCCESS, NEUTRAL, SKIPPED -> CiState.SUCCESS;
            default -> CiState.FAILURE;
        };
    }

    static CodeHostException failure(String what, IOException e) {
        if (e instanceof GHFileNotFoundException notFound) {
            return new CodeHostException("could not " + what + ": not found (or no access)", 404, notFound);
        }
        if (e instanceof HttpException http) {
            return new CodeHostException("could not " + what + ": HTTP " + http.getResponseCode() + " "
                    + String.valueOf(http.getMessage()), http.getResponseCode(), http);
        }
        return new CodeHostException("could not " + what + ": " + e.getMessage(), 0, e);
    }

    /** Runs one library call, turning its {@link IOException} into a {@link CodeHostException} saying what failed. */
    static <T> T call(String what, GitHubCall<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw failure(what, e);
        }
    }

    @FunctionalInterface
    interface GitHubCall<T> {
        T run() throws IOException;
    }
}
