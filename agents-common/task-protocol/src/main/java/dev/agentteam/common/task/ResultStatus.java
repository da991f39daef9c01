package dev.agentteam.common.task;

/** How an agent ended an attempt, or the notice that it began one. */
public enum ResultStatus {
    /** The work is done; {@link TaskResult#output()} holds what it produced. */
    SUCCEEDED,
    /** The attempt failed; {@link TaskResult#retryable()} says whether another attempt could help. */
    FAILED,
    /** The agent needs a human's answer; {@link TaskResult#questions()} holds at most five questions. */
    CLARIFY,
    /**
     * Not an outcome: the worker claimed the attempt and began it. The orchestrator marks the task RUNNING with the
     * worker id and start time; the attempt's outcome follows as another result.
     */
    STARTED
}
