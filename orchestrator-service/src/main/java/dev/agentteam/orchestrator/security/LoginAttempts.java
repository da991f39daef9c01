package dev.agentteam.orchestrator.security;

import dev.agentteam.orchestrator.user.UserAccounts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * What a login's outcome does: a success records the sign-in and refills the person's own throttle bucket; a
 * failure takes a token from the throttle's buckets ({@link LoginThrottle}) and answers "Wrong username or
 * password." — the same words, with no pause, whether or not the username exists.
 */
class LoginAttempts extends SavedRequestAwareAuthenticationSuccessHandler implements AuthenticationFailureHandler {

    static final String ERROR_ATTRIBUTE = LoginAttempts.class.getName() + ".error";
    static final String USERNAME_ATTRIBUTE = LoginAttempts.class.getName() + ".username";

    private final UserAccounts accounts;
    private final LoginThrottle throttle;

    LoginAttempts(UserAccounts accounts, LoginThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException, jakarta.servlet.ServletException {
        Account.userOf(authentication).ifPresent(user -> accounts.recordSuccessfulLogin(user.id()));
        throttle.succeeded(username(request), request.getRemoteAddr());
        super.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        String username = username(request);
        String message;
        if (exception instanceof DisabledException) {
            message = "This account is disabled; ask an administrator.";
        } else if (exception instanceof LockedException) {
            message = "This account is locked; ask an administrator.";
        } else {
            throttle.failed(username, request.getRemoteAddr());
            message = "Wrong username or password.";
        }
        refuse(request, response, username, message);
    }

    static String username(HttpServletRequest request) {
        return Optional.ofNullable(request.getParameter("username")).orElse("");
    }

    static void refuse(HttpServletRequest request, HttpServletResponse response, String username, String message)
            throws IOException {
        request.getSession().setAttribute(ERROR_ATTRIBUTE, message);
        request.getSession().setAttribute(USERNAME_ATTRIBUTE, username.strip());
        response.sendRedirect(request.getContextPath() + "/login?error");
    }

    /** Whole minutes, rounded up: "1 minute" while any of the wait remains. */
    static String throttledMessage(Duration wait) {
        long minutes = Math.max(1, (Math.max(1, wait.toMillis()) + 59_999) / 60_000);
        return "Too many failed attempts; try again in " + minutes + (minutes == 1 ? " minute." : " minutes.");
    }
}
