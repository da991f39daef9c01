package dev.agentteam.orchestrator.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Login and bootstrap settings ({@code agentteam.security.*}). The session timeout is Boot's own
 * {@code server.servlet.session.timeout} (env {@code AGENTTEAM_SESSION_TIMEOUT}).
 *
 * @param maxFailures     failed logins one account may have from one address before it must wait
 * @param maxFailuresPerAccount failed logins one account may have from all addresses together
 * @param maxFailuresPerAddress failed logins one address may have for all accounts together
 * @param lockDuration    how long a used-up allowance takes to fill up again (a try at a time)
 * @param adminUsername   the login name of user 1, the first administrator
 * @param adminPassword   its initial password; when blank, one is generated and written to {@code initialPasswordFile}
 * @param initialPasswordFile where a generated first password is written (owner-only permissions), never to a log
 */
@ConfigurationProperties("agentteam.security")
record SecurityProperties(
        @DefaultValue("5") int maxFailures,
        @DefaultValue("50") int maxFailuresPerAccount,
        @DefaultValue("30") int maxFailuresPerAddress,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("admin") String adminUsername,
        String adminPassword,
        @DefaultValue("./data/initial-admin-password") Path initialPasswordFile) {

    SecurityProperties {
        if (maxFailures < 1 || maxFailuresPerAccount < 1 || maxFailuresPerAddress < 1) {
            throw new IllegalArgumentException("agentteam.security.max-failures, max-failures-per-account and "
                    + "max-failures-per-address must be at least 1, got " + maxFailures + ", " + maxFailuresPerAccount
                    + ", " + maxFailuresPerAddress);
        }
        if (lockDuration == null || lockDuration.isNegative() || lockDuration.isZero()) {
            throw new IllegalArgumentException("agentteam.security.lock-duration must be positive, got " + lockDuration);
        }
    }

    @Override
    public String toString() {
        // The admin password never reaches a log line, not even through a settings dump.
        return "SecurityProperties[maxFailures=" + maxFailures + ", maxFailuresPerAccount=" + maxFailuresPerAccount
                + ", maxFailuresPerAddress=" + maxFailuresPerAddress + ", lockDuration=" + lockDuration
                + ", adminUsername=" + adminUsername
                + ", adminPassword=" + (adminPassword == null || adminPassword.isBlank() ? "(generated)" : "(set)")
                + ", initialPasswordFile=" + initialPasswordFile + "]";
    }
}
