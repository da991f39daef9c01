package dev.agentteam.orchestrator.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A small HTTP client for the API over a real socket, so Tomcat, filters and error handling all take part. */
public final class TestApi {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final String authorization;

    /** Anonymous: no credentials (for the open paths, and to test that the others refuse). */
    public TestApi(int port) {
        this(port, null);
    }

    /** Sends {@code authorization} (e.g. from {@link TestUsers}) as the Authorization header of every request. */
    public TestApi(int port, String authorization) {
        this.base = "http://127.0.0.1:" + port;
        this.authorization = authorization;
    }

    public TestApi as(String authorization) {
        return new TestApi(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), authorization);
    }

    /** {@code http://127.0.0.1:<port>}, for clients other than this one (git over HTTP). */
    public String baseUrl() {
        return base;
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A GET as a browser or scraper sends it, accepting anything. */
    public Reply getAnything(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "*/*").GET());
    }

    public Reply postJson(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Reply send(String method, String path, String contentType, String body) {
        var builder = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder);
    }

    /** A request with {@code Authorization: Bearer <token>} when the token is not null (the forge API). */
    public Reply send(String method, String path, String contentType, String body, String bearerToken) {
        var builder = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        if (bearerToken != null) {
            builder.header("Authorization", "Bearer " + bearerToken);
        }
        return send(builder);
    }

    /** A request without a body that carries one more header ({@code name: value}; none when the value is null). */
    public Reply sendWithHeader(String method, String path, String name, String value) {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody());
        if (value != null) {
            builder.header(name, value);
        }
        return send(builder);
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpRequest built = request.build();
            // A header given for this one request (e.g. a forge token) wins over the client's own credentials.
            if (authorization != null && built.headers().firstValue("Authorization").isEmpty()) {
                built = HttpRequest.newBuilder(built, (name, value) -> true).header("Authorization", authorization).build();
            }
            if (built.headers().firstValue("Accept").isEmpty()) {
                built = HttpRequest.newBuilder(built, (name, value) -> true)
                        .header("Accept", "application/json, application/problem+json").build();
            }
            HttpResponse<String> response = CLIENT.send(built,
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Reply(int status, String contentType, String location, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String detail() {
            return json().path("detail").asString();
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }
    }
}
