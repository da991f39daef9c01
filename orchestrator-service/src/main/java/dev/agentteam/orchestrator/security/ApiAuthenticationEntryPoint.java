package dev.agentteam.orchestrator.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import java.io.IOException;

/** 401 for the API: a problem saying how to authenticate, and the Bearer challenge (RFC 6750). */
class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

    static final String INVALID_TOKEN = ApiAuthenticationEntryPoint.class.getName() + ".invalid";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String detail;
        if (request.getAttribute(INVALID_TOKEN) != null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"agent-team\", error=\"invalid_token\"");
            detail = (String) request.getAttribute(INVALID_TOKEN);
        } else {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"agent-team\"");
            detail = "Authentication required: send 'Authorization: Bearer <API token>' "
                    + "(create one at /account/tokens or with POST /api/tokens).";
        }
        ProblemWriter.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", detail);
    }
}
