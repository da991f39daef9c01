package dev.agentteam.common.codehost;

import dev.agentteam.common.task.ClassifiedFailure;

import java.time.Duration;

/**
 * The code host refused or failed a request (not found, validation, conflict, server error). {@link #retryable()} is
 * the one rule that decides whether a task that failed on the code host may be tried again (the worker reads it).
 */
public class CodeHostException extends RuntimeException implements ClassifiedFailure {

    private final int status;

    public CodeHostException(String message, int status) {
        super(message);
        this.status = status;
    }

    public CodeHostException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status when there was one, else 0. */
    public int status() {
        return status;
    }

    /**
     * Whether another attempt may succeed: the host could not be reached (no status), limited the rate (429) or failed
     * (5xx). A refusal (any other 4xx) will be the same next time.
     */
    @Override
    public boolean retryable() {
        return status == 0 || status == 429 || status >= 500;
    }

    /** The earliest sensible retry (a rate limit's reset), or null for the orchestrator's default backoff. */
    @Override
    public Duration retryAfter() {
        return null;
    }
}
