package dev.agentteam.common.task;

import java.util.List;

import static dev.agentteam.common.task.TaskPayloads.required;

/**
 * The result of {@code dev.implement_story}: the pull request the Dev agent opened (or reused) for the story's branch,
 * the green test run it pushed after, and what it did on the way. {@code pr_number} is required: without it the
 * backlog cannot record the pull request.
 */
public record StoryDelivered(Integer prNumber, String prUrl, String branch, String baseBranch, String headSha,
                             Boolean committed, String title, TestsRun tests, List<String> files, String summary,
                             Integer steps, List<String> trajectory) implements TaskOutput, CheckedPayload {

    public StoryDelivered {
        files = files == null ? List.of() : List.copyOf(files);
        trajectory = trajectory == null ? List.of() : List.copyOf(trajectory);
    }

    @Override
    public void check() {
        required(prNumber, "pr_number");
    }

    /** A test run in the sandbox; {@code output} (its tail) only when it failed. */
    public record TestsRun(String command, Boolean passed, Integer exitCode, String summary, String output) {
    }

    /**
     * What a Dev task that failed reports besides its reason (the output of a FAILED result): the last test run when
     * the tests stayed red, the model calls used and the trajectory of tool calls.
     */
    public record Attempt(TestsRun tests, Integer steps, List<String> trajectory) implements TaskOutput {

        public Attempt {
            trajectory = trajectory == null ? List.of() : List.copyOf(trajectory);
        }
    }
}
