package dev.agentteam.orchestrator.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Login and bootstrap settings ({@code agentteam.security.*}). The session timeout is Boot's own
 * {@code server.servlet.session.timeout} (env {@code AGENTTEAM_SESSION_TIMEOUT}).
 *
 * @param maxFailures     failed logins in a row that lock an account
 * @param lockDuration    how long such a lock lasts
 * @param failureDelay    the pause after the first failed login; it doubles with every further failure
 * @param maxFailureDelay the longest pause (it holds a request thread, so it stays short)
 * @param adminUsername   the login name of user 1, the first administrator
 * @param adminPassword   its initial password; when blank, one is generated and written to {@code initialPasswordFile}
 * @param initialPasswordFile where a generated first password is written (owner-only permissions), never to a log
 */
@ConfigurationProperties("agentteam.security")
record SecurityProperties(
        @DefaultValue("5") int maxFailures,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("250ms") Duration failureDelay,
        @DefaultValue("2s") Duration maxFailureDelay,
        @DefaultValue("admin") String adminUsername,
        String adminPassword,
        @DefaultValue("./data/initial-admin-password") Path initialPasswordFile) {

    SecurityProperties {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("agentteam.security.max-failures must be at least 1, got " + maxFailures);
        }
    }

    /** The pause after the {@code failures}-th failure in a row. */
    Duration delayAfter(int failures) {
        Duration delay = failureDelay;
        for (int i = 1; i < failures && delay.compareTo(maxFailureDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxFailureDelay) > 0 ? maxFailureDelay : delay;
    }

    @Override
    public String toString() {
        // The admin password never reaches a log line, not even through a settings dump.
        return "SecurityProperties[maxFailures=" + maxFailures + ", lockDuration=" + lockDuration + ", failureDelay="
                + failureDelay + ", maxFailureDelay=" + maxFailureDelay + ", adminUsername=" + adminUsername
                + ", adminPassword=" + (adminPassword == null || adminPassword.isBlank() ? "(generated)" : "(set)")
                + ", initialPasswordFile=" + initialPasswordFile + "]";
    }
}
