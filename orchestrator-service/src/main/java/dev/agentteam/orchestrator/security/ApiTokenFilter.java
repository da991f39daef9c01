package dev.agentteam.orchestrator.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Bearer API tokens on {@code /api}: a person's (or agent identity's) API token, or an agent's configured token
 * ({@link AgentTokens}). A request with an Authorization header is judged by that header alone: a
 * bad token is a 401, never a fall-back to the session or to anonymous.
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final AgentTokens agents;
    private final ApiAuthenticationEntryPoint entryPoint;

    ApiTokenFilter(ApiTokens tokens, AgentTokens agents, ApiAuthenticationEntryPoint entryPoint) {
        this.tokens = tokens;
        this.agents = agents;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            reject(request, response, "Only 'Authorization: Bearer <API token>' is accepted here.");
            return;
        }
        String token = header.substring(7).strip();
        Optional<Authentication> authentication = tokens.authenticate(token).map(user -> {
            Account account = new Account(user, null, false);
            return UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities());
        });
        if (authentication.isEmpty()) {
            authentication = agents.authenticate(token);
        }
        if (authentication.isEmpty()) {
            reject(request, response, "The API token is unknown, revoked or expired, or its user is disabled.");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication.get());
        // Held for this request only: a token request never creates or reads a session.
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, String detail)
            throws IOException {
        request.setAttribute(ApiAuthenticationEntryPoint.INVALID_TOKEN, detail);
        SecurityContextHolder.clearContext();
        entryPoint.commence(request, response, new InsufficientAuthenticationException(detail));
    }
}
