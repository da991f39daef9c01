package dev.agentteam.common.codehost;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitResponsesTest {

    private static final Instant OURS = Instant.parse("2026-11-26T08:00:00Z");
    private static final Duration FALLBACK = Duration.ofSeconds(60);

    private static Duration wait(Map<String, String> headers) {
        return RateLimitResponses.wait(headers::get, OURS, FALLBACK);
    }

    @Test
    void retryAfterWinsInSecondsOrAsADateOnTheServersClock() {
        assertThat(wait(Map.of("Retry-After", "30", "x-ratelimit-reset", "9999999999"))).isEqualTo(Duration.ofSeconds(30));
        assertThat(wait(Map.of("Date", "Thu, 26 Nov 2026 09:00:00 GMT", "Retry-After", "Thu, 26 Nov 2026 09:00:20 GMT")))
                .isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void resetIsMeasuredFromTheServersDateElseFromOurs() {
        long reset = OURS.plusSeconds(600).getEpochSecond();
        assertThat(wait(Map.of("x-ratelimit-reset", String.valueOf(reset)))).isEqualTo(Duration.ofSeconds(600));
        assertThat(wait(Map.of("Date", "Thu, 26 Nov 2026 08:05:00 GMT", "x-ratelimit-reset", String.valueOf(reset))))
                .isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void neverUnderASecondAndTheFallbackWhenNothingIsReadable() {
        assertThat(wait(Map.of("Retry-After", "0"))).isEqualTo(Duration.ofSeconds(1));
        assertThat(wait(Map.of("Retry-After", "soon", "x-ratelimit-reset", "later"))).isEqualTo(FALLBACK);
        assertThat(wait(Map.of())).isEqualTo(FALLBACK);
    }
}
