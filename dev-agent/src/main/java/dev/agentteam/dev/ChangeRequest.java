package dev.agentteam.dev;

import dev.agentteam.common.prompt.UntrustedText;
import dev.agentteam.common.task.ChangeRound;
import dev.agentteam.common.task.PullRequestTarget;
import dev.agentteam.common.task.TaskPayloads;
import dev.agentteam.common.task.TaskType;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a change round asks of the Dev agent, read from either payload: the pull request and its repository, the
 * feedback as the tool loop's user message, and the review comments it should answer one by one.
 */
record ChangeRequest(TaskType type, StoryAssignment.TargetRepository repository, PullRequestTarget pullRequest,
                     long storyId, String message, List<ChangeRound.ReviewComment> comments) {

    static ChangeRequest from(TaskType type, Map<String, Object> payload) {
        if (type == TaskType.DEV_ADDRESS_REVIEW) {
            ChangeRound.AddressReview task = TaskPayloads.read(payload, ChangeRound.AddressReview.class);
            ChangeRound.Review review = task.review() == null ? new ChangeRound.Review(null, null, null, null) : task.review();
            return new ChangeRequest(type, StoryAssignment.TargetRepository.of(task.repository()),
                    required(task.pullRequest()), storyId(task.storyId(), task.pullRequest()), reviewMessage(review),
                    review.comments());
        }
        ChangeRound.FixRegression task = TaskPayloads.read(payload, ChangeRound.FixRegression.class);
        return new ChangeRequest(type, StoryAssignment.TargetRepository.of(task.repository()),
                required(task.pullRequest()), storyId(task.storyId(), task.pullRequest()), regressionMessage(task), List.of());
    }

    /** The head branch the round works on. */
    String branch() {
        return pullRequest.head();
    }

    String subject() {
        return type == TaskType.DEV_ADDRESS_REVIEW ? "Address review comments" : "Fix the regression QA found";
    }

    private static String reviewMessage(ChangeRound.Review review) {
        String comments = review.comments().isEmpty() ? "(no inline comments)" : review.comments().stream()
                .map(c -> "- " + c.path() + (c.line() == null ? "" : ":" + c.line()) + " [" + c.severity() + "] "
                        + UntrustedText.clean(c.comment(), 1500)
                        + (c.suggestedChange() == null ? "" : "\n  suggested change:\n" + UntrustedText.clean(c.suggestedChange(), 2000)))
                .collect(Collectors.joining("\n"));
        return "A code review of this pull request requested changes (round " + review.round() + "). Change the code on this "
                + "branch so that every comment is addressed, keep the tests green, then finish with a summary.\n<review>\n"
                + "Summary: " + UntrustedText.clean(review.summary() == null ? "" : review.summary(), 4000) + "\nComments:\n"
                + comments + "\n</review>";
    }

    private static String regressionMessage(ChangeRound.FixRegression task) {
        String failures = task.failures().isEmpty() ? "(QA named no test)" : task.failures().stream()
                .map(f -> "- " + UntrustedText.clean(f.name(), 300) + ": " + UntrustedText.clean(f.message(), 3000)
                        + (f.reason() == null ? "" : "\n  QA: " + UntrustedText.clean(f.reason(), 1000)))
                .collect(Collectors.joining("\n"));
        return "CI is red on this pull request and QA classified these failures as regressions caused by the change. "
                + "Fix the code on this branch (not the tests, unless a test is wrong), run the tests until they pass, then "
                + "finish with a summary.\n<regressions>\n" + failures + "\n</regressions>"
                + (task.ciLog() == null ? "" : "\n<ci_log>\n" + UntrustedText.clean(task.ciLog(), 6000) + "\n</ci_log>");
    }

    private static PullRequestTarget required(PullRequestTarget pr) {
        TaskPayloads.required(pr, "pull_request");
        TaskPayloads.required(pr.number(), "pull_request.number");
        TaskPayloads.required(pr.head(), "pull_request.head");
        return pr;
    }

    private static long storyId(Long storyId, PullRequestTarget pr) {
        if (storyId != null) {
            return storyId;
        }
        // the embedded forge's story branches are feature/ISSUE-<id>
        String head = pr == null ? "" : pr.headOrEmpty();
        return head.matches(".*ISSUE-\\d+$") ? Long.parseLong(head.substring(head.lastIndexOf('-') + 1)) : 0;
    }
}
