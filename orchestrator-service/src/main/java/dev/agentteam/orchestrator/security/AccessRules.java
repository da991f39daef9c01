package dev.agentteam.orchestrator.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static org.springframework.security.authorization.AuthorityAuthorizationManager.hasAuthority;
import static org.springframework.security.authorization.AuthorityAuthorizationManager.hasRole;
import static org.springframework.security.authorization.AuthorizationManagers.allOf;

/**
 * Who may do what — one rule set for the REST API and the UI's forms alike, so a page can never do what its API
 * refuses. Viewers read; approvers (and admins) also write — epics, sprints, answers, requeues, task assignment —
 * and decide on pull requests, which additionally needs a person (never an agent identity); admins also manage
 * users and a repository's quality checks (which of them the merge gate requires). Everyone signed in manages their own API tokens.
 * An agent's token (role {@code AGENT}) may only fetch the forge credential of a task it runs.
 */
final class AccessRules {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();
    private static final RequestMatcher MERGE_GATE = new OrRequestMatcher(
            PATHS.matcher(HttpMethod.POST, "/api/pull-requests/{id}/approve"),
            PATHS.matcher(HttpMethod.POST, "/api/pull-requests/{id}/reject"),
            PATHS.matcher(HttpMethod.POST, "/api/pull-requests/{id}/merge"),
            PATHS.matcher(HttpMethod.POST, "/pull-requests/{id}/approve"),
            PATHS.matcher(HttpMethod.POST, "/pull-requests/{id}/reject"),
            PATHS.matcher(HttpMethod.POST, "/pull-requests/{id}/merge"));
    private static final RequestMatcher USERS = new OrRequestMatcher(PATHS.matcher("/api/users/**"),
            PATHS.matcher("/admin/**"),
            // which checks the merge gate requires is a governance decision, not an approver's
            PATHS.matcher(HttpMethod.PUT, "/api/repositories/{id}/quality"),
            PATHS.matcher(HttpMethod.POST, "/repositories/{id}/quality"),
            // credentials that push code are issued, listed and revoked by an admin, like users and their roles
            PATHS.matcher("/api/repositories/{id}/forge-credentials"),
            PATHS.matcher("/api/repositories/{id}/forge-credentials/{credential}"));
    /**
     * An agent fetches the forge credential of a task it runs, with its role's agent token ({@link AgentTokens}); that
     * token may do nothing else, and a person (or an agent identity with an API token) never gets one.
     */
    private static final RequestMatcher AGENT_ONLY = PATHS.matcher(HttpMethod.POST, "/api/tasks/{id}/forge-credential");
    private static final RequestMatcher OWN_TOKENS = new OrRequestMatcher(PATHS.matcher("/api/tokens/**"),
            PATHS.matcher("/account/**"), PATHS.matcher(HttpMethod.POST, "/logout"));
    private static final RequestMatcher READS = new OrRequestMatcher(PATHS.matcher(HttpMethod.GET, "/**"),
            PATHS.matcher(HttpMethod.HEAD, "/**"), PATHS.matcher(HttpMethod.OPTIONS, "/**"));

    private AccessRules() {
    }

    static void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(MERGE_GATE).access(allOf(hasRole("APPROVER"), hasAuthority("KIND_HUMAN")))
                .requestMatchers(USERS).hasRole("ADMIN")
                .requestMatchers(AGENT_ONLY).hasRole("AGENT")
                // every person and agent identity is a viewer at least; an agent token (ROLE_AGENT alone) is not
                .requestMatchers(OWN_TOKENS).hasRole("VIEWER")
                .requestMatchers(READS).hasRole("VIEWER")
                .anyRequest().hasRole("APPROVER");
    }

    static boolean isMergeGate(HttpServletRequest request) {
        return MERGE_GATE.matches(request);
    }

    /** The least role for a request, for the 403 message. */
    static String requiredRole(HttpServletRequest request) {
        if (USERS.matches(request)) {
            return "admin";
        }
        if (AGENT_ONLY.matches(request)) {
            return "agent";
        }
        return READS.matches(request) ? "viewer" : "approver";
    }
}
