package dev.agentteam.orchestrator.task;

import java.time.Duration;

import org.springframework.util.backoff.BackOff;

import dev.agentteam.common.task.BackoffDelay;

/** The delay before a retry: exponential in the number of failed attempts, capped, with jitter (Spring's backoff). */
final class Backoff {

    private final BackOff backOff;

    Backoff(TaskProperties properties) {
        this.backOff = BackoffDelay.exponential(properties.backoffBase(), properties.backoffFactor(),
                properties.backoffMax(), properties.backoffJitter());
    }

    /**
     * @param failedAttempts attempts used so far (1 after the first failure)
     * @param retryAfter     the worker's own hint (e.g. a provider's Retry-After); wins when given
     */
    Duration delay(int failedAttempts, Duration retryAfter) {
        if (retryAfter != null && !retryAfter.isNegative()) {
            return retryAfter;
        }
        return BackoffDelay.nth(backOff, failedAttempts);
    }
}
