package dev.agentteam.common.llm;

import java.time.Duration;
import java.time.Instant;

import dev.agentteam.common.task.BackoffDelay;
import dev.agentteam.common.task.RetryAfter;

/**
 * The one place that decides whether and how long to wait before retrying a provider call: 429, 5xx and
 * I/O errors are retried up to {@code maxRetries} times; a 429's Retry-After (seconds or an HTTP date) wins
 * over the exponential backoff, capped at {@code maxBackoff} so a hostile header cannot park a worker.
 */
record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff) {

    static boolean isRetryableStatus(int status) {
        return status == 429 || status == 408 || status >= 500;
    }

    /** The wait before retry number {@code retry} (1-based). */
    Duration delay(int retry, String retryAfterHeader) {
        Duration fromHeader = RetryAfter.parse(retryAfterHeader, Instant.now()).orElse(null);
        if (fromHeader != null) {
            return fromHeader.compareTo(maxBackoff) > 0 ? maxBackoff : fromHeader;
        }
        return BackoffDelay.nth(BackoffDelay.exponential(initialBackoff, 2.0, maxBackoff, 0.0), retry);
    }
}
