package dev.agentteam.orchestrator.api;

import dev.agentteam.orchestrator.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user mistakes an API fuzzer finds, each sent as raw bytes over a socket (so Tomcat, the security firewall
 * and Spring MVC all take part): every one answers its 4xx as {@code application/problem+json}, never a 500 or
 * an HTML page.
 */
class ApiErrorConformanceTest extends IntegrationTest {

    private static final String EPIC = "{\"title\":\"t\",\"description\":\"d\"}";

    @LocalServerPort
    int port;

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("unknown method", "FOO", "/api/epics", null, null, 400),
                Arguments.of("TRACE", "TRACE", "/api/epics", null, null, 405),
                Arguments.of("NUL in the path", "GET", "/api/epics/%00", null, null, 400),
                Arguments.of("encoded slash in the path", "GET", "/api/epics/a%2Fb", null, null, 400),
                Arguments.of("firewall: encoded percent", "GET", "/api/epics/%25", null, null, 400),
                Arguments.of("firewall: semicolon", "GET", "/api/epics;x=1", null, null, 400),
                Arguments.of("unknown path", "GET", "/api/nothing-here", null, null, 404),
                Arguments.of("unsupported method on a known path", "DELETE", "/api/backlog", null, null, 405),
                Arguments.of("multipart without boundary", "POST", "/api/epics", "multipart/form-data", EPIC, 415),
                Arguments.of("query with an empty name", "GET", "/api/backlog?=true", null, null, 400),
                Arguments.of("query of ampersands", "GET", "/api/backlog?&&", null, null, 200),
                Arguments.of("query of a bare equals sign", "GET", "/api/backlog?=", null, null, 400),
                Arguments.of("page overflow", "GET", "/api/backlog?page=107374183&size=20", null, null, 400),
                Arguments.of("size beyond 200", "GET", "/api/backlog?size=201", null, null, 400),
                Arguments.of("size zero", "GET", "/api/clarifications?size=0", null, null, 400),
                Arguments.of("page not a number", "GET", "/api/backlog?page=x", null, null, 400),
                Arguments.of("NUL in a name", "POST", "/api/epics", "application/json",
                        "{\"title\":\"a\\u0000b\",\"description\":\"d\"}", 400),
                Arguments.of("unpaired surrogate in a string", "POST", "/api/epics", "application/json",
                        "{\"title\":\"a\\ud800b\",\"description\":\"d\"}", 400),
                Arguments.of("token named false", "POST", "/api/tokens", "application/json", "{\"name\":false}", 400),
                Arguments.of("boolean where a string is expected", "POST", "/api/epics", "application/json",
                        "{\"title\":true,\"description\":\"d\"}", 400),
                Arguments.of("JSON sent as text", "POST", "/api/epics", "text/plain", EPIC, 415),
                Arguments.of("not JSON", "POST", "/api/epics", "application/json", "{", 400));
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @MethodSource("mistakes")
    void everyMistakeIsAProblemDocument(String name, String method, String target, String contentType, String body,
            int expected) throws IOException {
        Raw reply = send(method, target, contentType, body);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
            assertThat(reply.body()).as(reply.toString()).contains("\"status\":" + expected);
        }
    }

    private Raw send(String method, String target, String contentType, String body) throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: " + users.admin() + "\r\nAccept: application/json\r\nConnection: close\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(content.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return Raw.parse(readAll(socket.getInputStream()));
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    record Raw(int status, String contentType, String body) {

        static Raw parse(String response) {
            int end = response.indexOf("\r\n\r\n");
            String head = end < 0 ? response : response.substring(0, end);
            String body = end < 0 ? "" : response.substring(end + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            String type = head.lines().filter(line -> line.toLowerCase().startsWith("content-type:"))
                    .map(line -> line.substring(13).trim()).findFirst().orElse("");
            return new Raw(status, type, body);
        }
    }
}
