package dev.agentteam.orchestrator.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecurityPropertiesTest {

    private final SecurityProperties properties = new SecurityProperties(5, 50, 30, Duration.ofMinutes(15),
            "admin", "a secret password", null);

    @Test
    void theAdminPasswordNeverShowsInTheSettings() {
        assertThat(properties.toString()).doesNotContain("a secret password").contains("adminPassword=(set)");
    }

    @Test
    void aLockNeedsAtLeastOneFailure() {
        assertThatThrownBy(() -> new SecurityProperties(0, 1, 1, Duration.ofMinutes(1), "a", null, null))
                .hasMessageContaining("max-failures");
        assertThatThrownBy(() -> new SecurityProperties(1, 1, 1, Duration.ZERO, "a", null, null))
                .hasMessageContaining("lock-duration");
    }

    @Test
    void theLockedMessageRoundsUpToWholeMinutes() {
        assertThat(LoginAttempts.throttledMessage(Duration.ofMinutes(15)))
                .isEqualTo("Too many failed attempts; try again in 15 minutes.");
        assertThat(LoginAttempts.throttledMessage(Duration.ofSeconds(14 * 60 + 1)))
                .isEqualTo("Too many failed attempts; try again in 15 minutes.");
        assertThat(LoginAttempts.throttledMessage(Duration.ofSeconds(5)))
                .isEqualTo("Too many failed attempts; try again in 1 minute.");
    }
}
