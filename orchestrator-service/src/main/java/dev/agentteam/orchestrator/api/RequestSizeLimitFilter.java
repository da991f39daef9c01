package dev.agentteam.orchestrator.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Rejects API requests whose declared body is larger than the limit before anything reads it. Tomcat limits
 * only form posts; a JSON body would otherwise be buffered whole by the message converter.
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;

    RequestSizeLimitFilter(DataSize max) {
        this.maxBytes = max.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        boolean chunked = length < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        if (length > maxBytes || chunked) {
            int status = chunked ? HttpStatus.LENGTH_REQUIRED.value() : HttpStatus.CONTENT_TOO_LARGE.value();
            String detail = chunked
                    ? "Send the request body with a Content-Length header (at most " + maxBytes + " bytes)."
                    : "The request body has " + length + " bytes; the limit is " + maxBytes + " bytes.";
            response.setStatus(status);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Request too large\",\"status\":"
                    + status + ",\"detail\":\"" + detail + "\",\"instance\":\"" + jsonSafe(request.getRequestURI())
                    + "\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    private static String jsonSafe(String text) {
        return text.replaceAll("[^A-Za-z0-9/_.~-]", "");
    }
}
