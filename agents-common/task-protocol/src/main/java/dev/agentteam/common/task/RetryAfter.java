package dev.agentteam.common.task;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The one reading of an HTTP {@code Retry-After} header (RFC 9110 §10.2.3), for every caller that turns a provider's
 * or a code host's "come back later" into {@link TaskResult#retryAfter()}: either delay-seconds or an HTTP date.
 */
public final class RetryAfter {

    private RetryAfter() {
    }

    /**
     * @param value the header's value, may be null
     * @param now   the clock the HTTP date is measured against (the server's {@code Date} where the caller has it)
     * @return the wait; empty when the header is missing, negative or unreadable; zero for a date in the past
     */
    public static Optional<Duration> parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            return httpDate(v).map(at -> at.isBefore(now) ? Duration.ZERO : Duration.between(now, at));
        }
    }

    /** An HTTP date ({@code Wed, 21 Oct 2015 07:28:00 GMT}); empty when missing or unreadable. */
    public static Optional<Instant> httpDate(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
