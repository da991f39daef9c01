package dev.agentteam.orchestrator.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import dev.agentteam.orchestrator.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The orchestrator as docker-stack.yml runs it behind Traefik: the settings below are the stack's
 * (MANAGEMENT_SERVER_PORT, SERVER_FORWARD_HEADERS_STRATEGY, AGENTTEAM_SECURE_COOKIE, the probes' extra paths).
 * Forwarded headers are honoured, the session cookie is Secure, the actuator is not on the public port, and its metrics
 * need a viewer's token there too.
 */
@TestPropertySource(properties = {"management.server.port=0", "server.forward-headers-strategy=native",
        "AGENTTEAM_SECURE_COOKIE=true", "management.endpoint.health.probes.enabled=true",
        "management.endpoint.health.probes.add-additional-paths=true"})
class BehindProxyTest extends IntegrationTest {

    private static final List<String> FROM_TRAEFIK = List.of("X-Forwarded-Proto", "https",
            "X-Forwarded-Host", "agents.example.com", "X-Forwarded-Port", "443", "X-Forwarded-For", "203.0.113.9");

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @LocalManagementPort
    private int managementPort;

    @Test
    void metricsAreOnlyOnTheManagementPortAndTheProbesOnThePublicOne() throws Exception {
        var publicMetrics = get(port, "/actuator/prometheus", List.of());
        assertThat(publicMetrics.statusCode()).isNotEqualTo(200);
        assertThat(publicMetrics.body()).doesNotContain("jvm_memory_used_bytes");

        // The stack's Prometheus scrapes it there with a viewer's token (secret agentteam_prometheus_token); nobody else may.
        assertThat(get(managementPort, "/actuator/prometheus", List.of()).statusCode()).isEqualTo(401);
        var metrics = get(managementPort, "/actuator/prometheus", List.of("Authorization", users.person("viewer")));
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        assertThat(get(managementPort, "/actuator/health", List.of()).body()).contains("\"status\":\"UP\"");

        for (String probe : List.of("/readyz", "/livez")) {
            var reply = get(port, probe, List.of());
            assertThat(reply.statusCode()).as(probe).isEqualTo(200);
            assertThat(reply.body()).as(probe).contains("UP");
        }
    }

    @Test
    void redirectsUseTheForwardedSchemeAndHostAndTheSessionCookieIsSecure() throws Exception {
        var redirect = get(port, "/", FROM_TRAEFIK);
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).isEqualTo("https://agents.example.com/login"));

        var login = get(port, "/login", FROM_TRAEFIK);
        assertThat(login.statusCode()).isEqualTo(200);
        // The login form's CSRF token lives in the session, so the page sets the session cookie.
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("JSESSIONID=").containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly"));
        assertThat(login.body()).contains("action=\"/login\"");
    }

    private HttpResponse<String> get(int port, String path, List<String> headers) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        for (int i = 0; i < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
