package dev.agentteam.common.codehost;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The port to where the code lives: GitHub, or the embedded forge that keeps everything offline.
 * Every method fails fast: {@link RateLimitedException} carries the delay instead of sleeping, other
 * refusals are {@link CodeHostException}.
 */
public interface CodeHost {

    RepositoryInfo repository(RepositoryRef repository);

    /** Creates {@code refs/heads/<branch>} at {@code sha}; succeeds if it already points there. */
    void createBranch(RepositoryRef repository, String branch, String sha);

    Optional<PullRequest> findOpenPullRequest(RepositoryRef repository, String head);

    /** Opens a pull request, or returns the one already open for the same head (so retries are safe). */
    PullRequest openPullRequest(RepositoryRef repository, NewPullRequest request);

    void comment(RepositoryRef repository, int number, String body);

    /**
     * One review of commit {@code commitSha} (the head the reviewer read) holding {@code comments} on lines of it, with
     * {@code summary} as its body. A host refuses it, or lets it decide nothing, once the head has moved on.
     */
    void reviewComments(RepositoryRef repository, int number, String commitSha, String summary,
            List<InlineComment> comments);

    void addLabels(RepositoryRef repository, int number, Set<String> labels);

    /** Latest commit status per context on {@code sha}. */
    List<CommitCheck> commitStatuses(RepositoryRef repository, String sha);

    List<CommitCheck> checkRuns(RepositoryRef repository, String sha);

    /**
     * Reports a commit status on {@code sha} under {@code context} (the CI/CD agent's own CI on the embedded
     * forge: pending when it starts, then success or failure). A later report for the same context replaces it.
     *
     * @param description one line for people, cut by the host if long
     * @param targetUrl   where the log is, or null
     */
    void setCommitStatus(RepositoryRef repository, String sha, String context, CiState state, String description,
                         String targetUrl);

    /**
     * Merges the pull request if its head is still {@code expectedHeadSha}. Called only on a human
     * approver's action through the merge gate; no agent code path calls it.
     */
    void merge(RepositoryRef repository, int number, String expectedHeadSha, MergeMethod method);
}
