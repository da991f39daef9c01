package dev.agentteam.common.worker;

/**
 * Says what the agent was doing when something failed ("could not post the review"), without deciding whether a
 * retry may help: that stays with the cause ({@link dev.agentteam.common.task.ClassifiedFailure}, see
 * {@link TaskFailure}). The reason reads "{@code <doing>: <the cause's message>}".
 */
public class StepFailedException extends RuntimeException {

    public StepFailedException(String doing, Throwable cause) {
        super(doing + ": " + (cause.getMessage() == null || cause.getMessage().isBlank()
                ? cause.getClass().getSimpleName() : cause.getMessage()), cause);
    }
}
