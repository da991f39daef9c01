package dev.agentteam.orchestrator.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;

/**
 * {@code Location} values of created resources: a path reference under the request's context path (RFC 9110
 * allows relative references), never a URL built from the request's {@code Host} or forwarded headers, which a
 * client chooses (see docs/adr/forge-trust.md, "no URL from a request").
 */
public final class Locations {

    private Locations() {
    }

    /** {@code /<context path><path>} with {@code {…}} variables expanded and encoded. */
    public static URI of(String path, Object... variables) {
        String contextPath = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? contextPath(attributes.getRequest()) : "";
        return UriComponentsBuilder.fromPath(contextPath).path(path).buildAndExpand(variables).encode().toUri();
    }

    private static String contextPath(HttpServletRequest request) {
        return request.getContextPath() == null ? "" : request.getContextPath();
    }
}
