package dev.agentteam.orchestrator.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes {@code application/problem+json} where Spring MVC's exception handling never runs: requests Tomcat
 * refuses before any servlet (a {@code %00} in the path, TRACE) and requests the security firewall rejects.
 */
final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {
    }

    /** Whether the raw request target is under {@code /api/}, the part of the server that speaks problem+json. */
    static boolean isApi(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri != null && (uri.equals("/api") || uri.startsWith("/api/") || uri.startsWith("/api;"));
    }

    static void write(HttpServletResponse response, int status, String detail) throws IOException {
        HttpStatus known = HttpStatus.resolve(status);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", known == null ? "Error" : known.getReasonPhrase());
        body.put("status", status);
        body.put("detail", detail);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(body));
        response.flushBuffer();
    }
}
