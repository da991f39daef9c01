package dev.agentteam.common.codehost;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import dev.agentteam.common.task.RetryAfter;

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

    Duration retryAfter(GitHubConnectorResponse response) {
        return wait(response::header, clock.instant(), fallback);
    }

    /**
     * The one rate-limit wait for every code-host client (the kohsuke connector, the Actions calls, the embedded
     * forge): {@code Retry-After} (seconds or HTTP date) wins; else {@code x-ratelimit-reset} against the server's
     * {@code Date} (ours may be off; {@code ourNow} when it sent none); else {@code fallback}. Never under a second.
     *
     * @param header a response header by name, null when absent
     */
    static Duration wait(Function<String, String> header, Instant ourNow, Duration fallback) {
        Instant now = RetryAfter.httpDate(header.apply("Date")).orElse(ourNow);
        Optional<Duration> retryAfter = RetryAfter.parse(header.apply("Retry-After"), now);
        if (retryAfter.isPresent()) {
            return atLeastOneSecond(retryAfter.get());
        }
        String reset = header.apply("x-ratelimit-reset");
        if (reset != null) {
            try {
                return atLeastOneSecond(Duration.between(now, Instant.ofEpochSecond(Long.parseLong(reset.strip()))));
            } catch (NumberFormatException ignored) {
                // fall through to the default wait
            }
        }
        return fallback;
    }

    private static Duration atLeastOneSecond(Duration duration) {
        return duration.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : duration;
    }
}
