package dev.agentteam.common.llm;

import dev.agentteam.common.task.ClassifiedFailure;

/**
 * A model call that did not produce a usable answer. {@link #retryable()} tells the worker whether a later
 * attempt of the task may succeed (provider down) or not (bad request, budget spent, output never valid).
 */
public abstract class LlmException extends RuntimeException implements ClassifiedFailure {

    protected LlmException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public abstract boolean retryable();
}
