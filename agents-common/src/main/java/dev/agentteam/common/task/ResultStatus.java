package dev.agentteam.common.task;

/** How an agent ended an attempt. */
public enum ResultStatus {
    /** The work is done; {@link TaskResult#output()} holds what it produced. */
    SUCCEEDED,
    /** The attempt failed; {@link TaskResult#retryable()} says whether another attempt could help. */
    FAILED,
    /** The agent needs a human's answer; {@link TaskResult#questions()} holds at most five questions. */
    CLARIFY
}
