package dev.agentteam.common.worker;

import java.time.Duration;

/**
 * Thrown by a {@link TaskHandler} when the attempt failed for a reason that may pass (a timeout, a 5xx, a
 * rate limit): the task is reported FAILED and retryable, so the orchestrator schedules another attempt.
 */
public class TransientTaskException extends RuntimeException {

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

    /** The earliest sensible retry, or null for the orchestrator's default backoff. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
