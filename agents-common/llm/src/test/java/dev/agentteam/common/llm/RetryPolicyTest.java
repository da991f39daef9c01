package dev.agentteam.common.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(10));

    @Test
    void backsOffExponentiallyUpToTheCap() {
        assertThat(policy.delay(1, null)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.delay(2, null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delay(3, null)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delay(9, null)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void retryAfterInSecondsWinsButIsCapped() {
        assertThat(policy.delay(1, "3")).isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.delay(1, "3600")).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void retryAfterAsHttpDateWins() {
        String inFiveSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(5));

        assertThat(policy.delay(1, inFiveSeconds)).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(5));
        assertThat(policy.delay(3, "Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
    }

    @Test
    void unreadableRetryAfterFallsBackToBackoff() {
        assertThat(policy.delay(2, "soon")).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delay(2, "-4")).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void retriesOnlyRateLimitsTimeoutsAndServerErrors() {
        assertThat(RetryPolicy.isRetryableStatus(429)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(503)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(408)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(400)).isFalse();
        assertThat(RetryPolicy.isRetryableStatus(401)).isFalse();
        assertThat(RetryPolicy.isRetryableStatus(404)).isFalse();
    }
}
