package dev.agentteam.orchestrator.security;

import dev.agentteam.orchestrator.user.Credentials;
import dev.agentteam.orchestrator.user.LoginFailure;
import dev.agentteam.orchestrator.user.UserAccounts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Brute-force protection of the login form: every failure in a row waits longer (doubling, capped), the
 * {@code max-failures}-th locks the account for {@code lock-duration}, and a success resets the count.
 * A locked account is refused before its password is checked, so guessing on stops counting.
 */
class LoginAttempts extends SavedRequestAwareAuthenticationSuccessHandler implements AuthenticationFailureHandler {

    static final String ERROR_ATTRIBUTE = LoginAttempts.class.getName() + ".error";
    static final String USERNAME_ATTRIBUTE = LoginAttempts.class.getName() + ".username";
    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    private final UserAccounts accounts;
    private final SecurityProperties properties;

    LoginAttempts(UserAccounts accounts, SecurityProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException, jakarta.servlet.ServletException {
        Account.userOf(authentication).ifPresent(user -> accounts.recordSuccessfulLogin(user.id()));
        super.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        String username = Optional.ofNullable(request.getParameter("username")).orElse("");
        String message;
        if (exception instanceof LockedException) {
            message = lockedMessage(accounts.credentials(username).map(Credentials::lockedUntil).orElse(null));
        } else if (exception instanceof DisabledException) {
            message = "This account is disabled; ask an administrator.";
        } else {
            Optional<LoginFailure> failure = accounts.recordFailedLogin(username, properties.maxFailures(),
                    properties.lockDuration());
            int count = failure.map(LoginFailure::failedLoginCount).orElse(1);
            Instant lockedUntil = failure.map(LoginFailure::lockedUntil).orElse(null);
            if (lockedUntil != null) {
                log.warn("Login for '{}' locked until {} after {} failed attempts", username.strip(), lockedUntil, count);
                message = lockedMessage(lockedUntil);
            } else {
                message = "Wrong username or password.";
            }
            pause(properties.delayAfter(count));
        }
        request.getSession().setAttribute(ERROR_ATTRIBUTE, message);
        request.getSession().setAttribute(USERNAME_ATTRIBUTE, username.strip());
        response.sendRedirect(request.getContextPath() + "/login?error");
    }

    static String lockedMessage(Instant lockedUntil) {
        return lockedMessage(lockedUntil, Instant.now());
    }

    /** Whole minutes, rounded up: "1 minute" while any of the lock remains. */
    static String lockedMessage(Instant lockedUntil, Instant now) {
        long millis = lockedUntil == null ? 60_000 : Math.max(1, Duration.between(now, lockedUntil).toMillis());
        long minutes = Math.max(1, (millis + 59_999) / 60_000);
        return "Too many failed attempts; try again in " + minutes + (minutes == 1 ? " minute." : " minutes.");
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
