package dev.agentteam.orchestrator.forge;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets through only requests carrying a valid forge token and records who the caller is. Git asks for
 * credentials only after a 401 with a Basic challenge, so anonymous requests get exactly that.
 */
class ForgeAuthenticationFilter extends OncePerRequestFilter {

    private final ForgeTokens tokens;

    ForgeAuthenticationFilter(ForgeTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<ForgeCaller> caller = tokens.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (caller.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"agent-team forge\", charset=\"UTF-8\"");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                    + "\"detail\":\"A valid forge token is required (HTTP Basic password or Bearer token).\"}");
            return;
        }
        request.setAttribute(ForgeCaller.ATTRIBUTE, caller.get());
        chain.doFilter(request, response);
    }
}
