package dev.agentteam.orchestrator.forge;

import dev.agentteam.orchestrator.support.ForgeClient;
import dev.agentteam.orchestrator.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Attack 1 of issue 13: a request with {@code Host: attacker.example} must not make the orchestrator hand out clone
 * or push URLs on the attacker's host (an agent would send its forge token there).
 */
class HostHeaderTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void urlsHandedOutNeverComeFromTheRequestsHostHeader() throws IOException {
        jdbc.execute("truncate repositories restart identity cascade");
        String name = "hosttest" + System.nanoTime();
        assertThat(api.postJson("/api/repositories", "{\"name\": \"" + name
                + "\", \"source\": {\"type\": \"template\", \"template\": \"demo-python\"}}").status()).isEqualTo(201);

        String viaApi = rawGet("/api/repositories", "Authorization: " + users.admin());
        String viaForge = rawGet("/api/forge/repos/agentteam/" + name, "Authorization: Bearer " + ForgeClient.AGENT_TOKEN);

        for (String body : List.of(viaApi, viaForge)) {
            assertThat(body).contains("/git/" + name + ".git").doesNotContain("attacker.example");
            assertThat(body).contains("http://127.0.0.1:" + port + "/git/" + name + ".git");
        }
    }

    @Test
    void withoutAPublicUrlTheServerMustListenOnLoopbackOnly() {
        ForgeProperties noPublicUrl = new ForgeProperties(null, null, null, null, null, null, null);
        assertThatThrownBy(() -> ForgeUrls.requireLocalModeOrPublicUrl(noPublicUrl, null))
                .hasMessageContaining("AGENTTEAM_FORGE_PUBLIC_URL is not set and the server listens on every interface");
        assertThatThrownBy(() -> ForgeUrls.requireLocalModeOrPublicUrl(noPublicUrl, "0.0.0.0"))
                .hasMessageContaining("AGENTTEAM_FORGE_PUBLIC_URL");
        ForgeUrls.requireLocalModeOrPublicUrl(noPublicUrl, "127.0.0.1");
        ForgeUrls.requireLocalModeOrPublicUrl(noPublicUrl, "::1");
        ForgeUrls.requireLocalModeOrPublicUrl(new ForgeProperties(null, null, null, null,
                URI.create("https://forge.example.com"), null, null), "0.0.0.0");
    }

    /** A raw HTTP/1.1 request: Java's HttpClient does not let a caller choose the Host header. */
    private String rawGet(String path, String authorization) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: attacker.example\r\nX-Forwarded-Host: attacker.example\r\n"
                    + authorization + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 200");
            return response;
        }
    }
}
