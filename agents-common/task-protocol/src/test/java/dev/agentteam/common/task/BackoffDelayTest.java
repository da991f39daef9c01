package dev.agentteam.common.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.BackOff;

class BackoffDelayTest {

    @Test
    void growsByTheMultiplierUpToTheCap() {
        BackOff backOff = BackoffDelay.exponential(Duration.ofMillis(500), 2.0, Duration.ofSeconds(10), 0.0);

        assertThat(BackoffDelay.nth(backOff, 0)).isEqualTo(Duration.ofMillis(500));
        assertThat(BackoffDelay.nth(backOff, 1)).isEqualTo(Duration.ofMillis(500));
        assertThat(BackoffDelay.nth(backOff, 2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(BackoffDelay.nth(backOff, 3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(BackoffDelay.nth(backOff, 9)).isEqualTo(Duration.ofSeconds(10));
        assertThat(BackoffDelay.nth(backOff, Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void jitterStaysBetweenTheInitialWaitAndTheBandAboveAndUnderTheCap() {
        BackOff backOff = BackoffDelay.exponential(Duration.ofSeconds(10), 2.0, Duration.ofSeconds(30), 0.2);

        for (int i = 0; i < 200; i++) {
            assertThat(BackoffDelay.nth(backOff, 1)).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(12));
            assertThat(BackoffDelay.nth(backOff, 2)).isBetween(Duration.ofSeconds(16), Duration.ofSeconds(24));
            assertThat(BackoffDelay.nth(backOff, 5)).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(30));
        }
    }
}
