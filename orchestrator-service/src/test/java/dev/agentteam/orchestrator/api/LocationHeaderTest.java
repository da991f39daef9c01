package dev.agentteam.orchestrator.api;

import dev.agentteam.orchestrator.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A created resource's {@code Location} is a path under the context path, whatever Host the client sends. */
class LocationHeaderTest extends IntegrationTest {

    private static final Pattern LOCATION = Pattern.compile("(?im)^Location: (\\S+)\\r?$");

    @LocalServerPort
    int port;

    @Test
    void theLocationOfACreatedResourceIsAPathNeverTheRequestsHost() throws IOException {
        String body = "{\"title\": \"Located\", \"description\": \"where is it\"}";
        String response = rawPost("/api/epics", body);

        assertThat(response).startsWith("HTTP/1.1 201").doesNotContain("attacker.example");
        Matcher location = LOCATION.matcher(response);
        assertThat(location.find()).as(response).isTrue();
        assertThat(location.group(1)).matches("/api/epics/\\d+");
        assertThat(api.get(location.group(1)).status()).isEqualTo(200);
    }

    @Test
    void tokensAndUsersAnswerTheirCreationWithALocation() {
        var token = api.postJson("/api/tokens", "{\"name\": \"located\"}");
        assertThat(token.status()).isEqualTo(201);
        assertThat(token.location()).isEqualTo("/api/tokens/" + token.json().get("id").asLong());

        var user = api.postJson("/api/users", "{\"username\": \"located" + System.nanoTime()
                + "\", \"role\": \"viewer\", \"kind\": \"agent\"}");
        assertThat(user.status()).as(user.body()).isEqualTo(201);
        assertThat(user.location()).isEqualTo("/api/users/" + user.json().get("id").asLong());
    }

    private String rawPost(String path, String body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: attacker.example\r\nX-Forwarded-Host: attacker.example\r\n"
                    + "X-Forwarded-Proto: https\r\nAuthorization: " + users.admin() + "\r\n"
                    + "Content-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + bytes.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
