package dev.agentteam.common.worker;

import dev.agentteam.common.task.ClassifiedFailure;

import java.time.Duration;

/**
 * Thrown by a {@link TaskHandler} that decides itself that the attempt failed for a reason that may pass: the task
 * is reported FAILED and retryable, so the orchestrator schedules another attempt. Failures of the shared modules
 * (model, code host, git) classify themselves ({@link ClassifiedFailure}); a handler need not wrap them in this.
 */
public class TransientTaskException extends RuntimeException implements ClassifiedFailure {

    private final Duration retryAfter;

    public TransientTaskException(String message) {
        this(message, null, null);
    }

    public TransientTaskException(String message, Throwable cause) {
        this(message, null, cause);
    }

    /** @param retryAfter the earliest sensible retry (e.g. from a {@code Retry-After} header); null for the default backoff */
    public TransientTaskException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    @Override
    public boolean retryable() {
        return true;
    }

    /** The earliest sensible retry, or null for the orchestrator's default backoff. */
    @Override
    public Duration retryAfter() {
        return retryAfter;
    }
}
