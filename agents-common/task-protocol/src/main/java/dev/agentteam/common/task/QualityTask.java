package dev.agentteam.common.task;

import java.util.Map;

import static dev.agentteam.common.task.TaskPayloads.required;

/**
 * The payloads of the tasks about an open pull request's quality (docs/adr/quality-reactions.md): CI
 * ({@code cicd.run_ci}, {@code cicd.follow_ci}), QA's triage ({@code qa.triage}), the review
 * ({@code review.review_pr}), and the staging deploy after a merge ({@code cicd.deploy}). Each carries the
 * repository; the pull-request ones carry the pull request and its story's id.
 */
public final class QualityTask {

    private QualityTask() {
    }

    /** {@code cicd.run_ci}: run the tests and quality commands on the pull request's head in the sandbox. */
    public record RunCi(RepositoryTarget repository, PullRequestTarget pullRequest, Long storyId) implements CheckedPayload {

        @Override
        public void check() {
            checkPullRequest(repository, pullRequest);
            required(pullRequest.head(), "pull_request.head");
            required(repository.testCommand(), "repository.test_command");
        }
    }

    /** {@code cicd.follow_ci}: read GitHub's CI of the head; {@code rerunFailed} re-runs its failed jobs once. */
    public record FollowCi(RepositoryTarget repository, PullRequestTarget pullRequest, Long storyId, Boolean rerunFailed)
            implements CheckedPayload {

        public FollowCi {
            rerunFailed = Boolean.TRUE.equals(rerunFailed);
        }

        @Override
        public void check() {
            checkPullRequest(repository, pullRequest);
        }
    }

    /** {@code cicd.deploy}: the merge commit to deploy to staging. */
    public record Deploy(RepositoryTarget repository, String mergeSha, Long prId) implements CheckedPayload {

        @Override
        public void check() {
            required(repository, "repository").requireForge("repository");
            required(mergeSha, "merge_sha");
        }

        /** @throws InvalidPayloadException unless {@code merge_sha} is a full commit id */
        public String validMergeSha() {
            return TaskPayloads.commitId(mergeSha, "merge_sha");
        }
    }

    /**
     * {@code qa.triage}: classify a CI result. {@code ci} is the CI task's outcome: {@code report} is the test report
     * of its output as CI wrote it (tests, failures, errors, skipped, failed), passed on unchanged.
     */
    public record Triage(RepositoryTarget repository, PullRequestTarget pullRequest, Long storyId, CiOutcome ci)
            implements CheckedPayload {

        @Override
        public void check() {
            checkPullRequest(repository, pullRequest);
            required(repository.testCommand(), "repository.test_command");
            required(ci, "ci");
        }
    }

    /** The outcome of the CI task QA triages. */
    public record CiOutcome(Long taskId, Map<String, Object> report, Boolean timedOut, Integer exitCode, String logTail) {
    }

    /**
     * {@code review.review_pr}: review the head; {@code round} counts the reviews of this pull request (1 for the
     * first), {@code requestedBy} is the person who asked with {@code /agent review} (null when the orchestrator did).
     */
    public record ReviewPullRequest(RepositoryTarget repository, PullRequestTarget pullRequest, Long storyId,
                                    ImplementStory.Story story, Integer round, String requestedBy) implements CheckedPayload {

        @Override
        public void check() {
            checkPullRequest(repository, pullRequest);
        }
    }

    private static void checkPullRequest(RepositoryTarget repository, PullRequestTarget pullRequest) {
        required(repository, "repository").requireForge("repository");
        required(pullRequest, "pull_request");
        required(pullRequest.id(), "pull_request.id");
        required(pullRequest.number(), "pull_request.number");
        required(pullRequest.headSha(), "pull_request.head_sha");
    }
}
