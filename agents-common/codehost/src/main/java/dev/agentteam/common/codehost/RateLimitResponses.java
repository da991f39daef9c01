package dev.agentteam.common.codehost;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * Turns GitHub's rate-limit answers (primary: 403 with {@code x-ratelimit-remaining: 0}; secondary: 403/429
 * with {@code Retry-After}) into {@link RateLimitedException} instead of the library's sleeping.
 */
final class RateLimitResponses {

    private final Clock clock;
    private final Duration fallback;

    RateLimitResponses(Clock clock, Duration fallback) {
        this.clock = clock;
        this.fallback = fallback;
    }

    GitHubRateLimitHandler primary() {
        return new GitHubRateLimitHandler() {
            @Override
            public void onError(GitHubConnectorResponse response) {
                throw new RateLimitedException(retryAfter(response));
            }
        };
    }

    GitHubAbuseLimitHandler secondary() {
        return new GitHubAbuseLimitHandler() {
            @Override
            public void onError(GitHubConnectorResponse response) {
                throw new RateLimitedException(retryAfter(response));
            }
        };
    }

    /** {@code Retry-After} (seconds or HTTP date) wins; else {@code x-ratelimit-reset} against the server's clock. */
    Duration retryAfter(GitHubConnectorResponse response) {
        Instant now = serverNow(response.header("Date"));
        String retryAfter = response.header("Retry-After");
        if (retryAfter != null) {
            try {
                return atLeastOneSecond(Duration.ofSeconds(Long.parseLong(retryAfter.strip())));
            } catch (NumberFormatException notSeconds) {
                Instant until = parseHttpDate(retryAfter);
                if (until != null) {
                    return atLeastOneSecond(Duration.between(now, until));
                }
            }
        }
        String reset = response.header("x-ratelimit-reset");
        if (reset != null) {
            try {
                return atLeastOneSecond(Duration.between(now, Instant.ofEpochSecond(Long.parseLong(reset.strip()))));
            } catch (NumberFormatException ignored) {
                // fall through to the default wait
            }
        }
        return fallback;
    }

    /** GitHub's Date header is the clock its reset time refers to; ours may be off. */
    private Instant serverNow(String dateHeader) {
        Instant server = dateHeader == null ? null : parseHttpDate(dateHeader);
        return server != null ? server : clock.instant();
    }

    private static Instant parseHttpDate(String value) {
        try {
            return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Duration atLeastOneSecond(Duration duration) {
        return duration.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : duration;
    }
}
