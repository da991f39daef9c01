package dev.agentteam.orchestrator.security;

import dev.agentteam.orchestrator.user.UserView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import java.io.IOException;

/** 403 for the API, saying what was refused and why (role, agent identity, or a missing CSRF token). */
class ApiAccessDeniedHandler implements AccessDeniedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        ProblemWriter.write(request, response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", detail(request, exception));
    }

    private static String detail(HttpServletRequest request, AccessDeniedException exception) {
        if (exception instanceof CsrfException) {
            return "This request uses the session cookie but carries no valid CSRF token; API clients should send "
                    + "'Authorization: Bearer <API token>' instead.";
        }
        String action = request.getMethod() + " " + request.getRequestURI();
        return Account.userOf(SecurityContextHolder.getContext().getAuthentication())
                .map(user -> explain(user, action, request))
                .orElse("You may not " + action + ".");
    }

    private static String explain(UserView user, String action, HttpServletRequest request) {
        String who = "'" + (user.username() != null ? user.username() : user.name()) + "' (" + user.role() + ", "
                + user.kind() + ")";
        if (AccessRules.isMergeGate(request) && !user.human()) {
            return "Agent identities may not approve, reject or merge pull requests; " + who + " is an agent. "
                    + "A person with the approver role must do it.";
        }
        return who + " may not " + action + ": it needs the " + AccessRules.requiredRole(request) + " role.";
    }
}
