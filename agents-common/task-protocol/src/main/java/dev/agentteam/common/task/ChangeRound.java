package dev.agentteam.common.task;

import java.util.List;

/**
 * The payloads and result of a change round on an open pull request: {@code dev.address_review} (a review asked for
 * changes) and {@code dev.fix_regression} (QA found a regression in CI). The Dev agent checks out the PR's head
 * branch, changes it, runs the tests and pushes one commit to the same branch.
 */
public final class ChangeRound {

    private ChangeRound() {
    }

    /** One finding of the review: where, what, and the change the reviewer suggests (may be null). */
    public record ReviewComment(String path, Integer line, String severity, String comment, String suggestedChange) {
    }

    /** What the review said, for the round it requested changes in. */
    public record Review(Long taskId, Integer round, String summary, List<ReviewComment> comments) {

        public Review {
            comments = comments == null ? List.of() : List.copyOf(comments);
        }
    }

    /** A test that QA classified as a regression: name, message (with the trimmed trace) and QA's reason. */
    public record Failure(String name, String message, String classification, String reason) {
    }

    /** {@code dev.address_review}. */
    public record AddressReview(RepositoryTarget repository, PullRequestTarget pullRequest, Long storyId, Review review) {
    }

    /** {@code dev.fix_regression}; {@code ciLog} is the tail of the red CI run's log when the orchestrator has it. */
    public record FixRegression(RepositoryTarget repository, PullRequestTarget pullRequest, Long storyId, List<Failure> failures,
                                Long qaTaskId, String ciLog) {

        public FixRegression {
            failures = failures == null ? List.of() : List.copyOf(failures);
        }
    }

    /** What the Dev agent says about one review comment it addressed, as posted on the PR. */
    public record Reply(String path, Integer line, String answer) {
    }

    /**
     * The result of either round: the new head (or the one already pushed by an earlier run of the same task),
     * whether this run committed, the replies posted, and the trajectory of the tool loop (empty when nothing ran).
     */
    public record Result(Long prId, Integer prNumber, String branch, String headSha, boolean committed, String summary,
                         List<String> files, List<Reply> replies, String tests, List<String> trajectory)
            implements TaskOutput {

        public Result {
            files = files == null ? List.of() : List.copyOf(files);
            replies = replies == null ? List.of() : List.copyOf(replies);
            trajectory = trajectory == null ? List.of() : List.copyOf(trajectory);
        }
    }
}
