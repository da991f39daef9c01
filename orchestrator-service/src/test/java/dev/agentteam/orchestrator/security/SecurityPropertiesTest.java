package dev.agentteam.orchestrator.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecurityPropertiesTest {

    private final SecurityProperties properties = new SecurityProperties(5, Duration.ofMinutes(15),
            Duration.ofMillis(250), Duration.ofSeconds(2), "admin", "a secret password", null);

    @Test
    void thePauseAfterAFailedLoginDoublesUpToTheCap() {
        assertThat(properties.delayAfter(1)).isEqualTo(Duration.ofMillis(250));
        assertThat(properties.delayAfter(2)).isEqualTo(Duration.ofMillis(500));
        assertThat(properties.delayAfter(3)).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.delayAfter(4)).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.delayAfter(40)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void theAdminPasswordNeverShowsInTheSettings() {
        assertThat(properties.toString()).doesNotContain("a secret password").contains("adminPassword=(set)");
    }

    @Test
    void aLockNeedsAtLeastOneFailure() {
        assertThatThrownBy(() -> new SecurityProperties(0, Duration.ofMinutes(1), Duration.ZERO, Duration.ZERO, "a", null, null))
                .hasMessageContaining("max-failures");
    }

    @Test
    void theLockedMessageRoundsUpToWholeMinutes() {
        java.time.Instant now = java.time.Instant.parse("2026-01-01T10:00:00Z");
        assertThat(LoginAttempts.lockedMessage(now.plusSeconds(15 * 60), now))
                .isEqualTo("Too many failed attempts; try again in 15 minutes.");
        assertThat(LoginAttempts.lockedMessage(now.plusSeconds(14 * 60 + 1), now))
                .isEqualTo("Too many failed attempts; try again in 15 minutes.");
        assertThat(LoginAttempts.lockedMessage(now.plusSeconds(5), now))
                .isEqualTo("Too many failed attempts; try again in 1 minute.");
    }
}
