package dev.agentteam.common.llm;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

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
        Duration fromHeader = parseRetryAfter(retryAfterHeader, Instant.now());
        if (fromHeader != null) {
            return fromHeader.compareTo(maxBackoff) > 0 ? maxBackoff : fromHeader;
        }
        long factor = 1L << Math.min(retry - 1, 20);
        Duration backoff = initialBackoff.multipliedBy(factor);
        return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }

    static Duration parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return at.isBefore(now) ? Duration.ZERO : Duration.between(now, at);
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
