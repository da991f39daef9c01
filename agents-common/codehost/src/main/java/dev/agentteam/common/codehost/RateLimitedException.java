package dev.agentteam.common.codehost;

import java.time.Duration;

/**
 * The code host's rate limit is used up. Workers never sleep on it: they fail the attempt and the task is
 * requeued after {@link #retryAfter()}.
 */
public class RateLimitedException extends CodeHostException {

    private final Duration retryAfter;

    public RateLimitedException(Duration retryAfter) {
        super("code host rate limit reached; retry after " + retryAfter.toSeconds() + " s", 429);
        this.retryAfter = retryAfter;
    }

    @Override
    public Duration retryAfter() {
        return retryAfter;
    }
}
