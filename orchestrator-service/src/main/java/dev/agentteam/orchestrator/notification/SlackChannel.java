package dev.agentteam.orchestrator.notification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * A Slack incoming webhook: POST {@code {"text": …}} as JSON; Slack answers 200 {@code ok}, or an error code
 * such as {@code invalid_payload} or {@code no_service} in the body. The URL path is the secret, so only the
 * host appears in logs and errors.
 */
class SlackChannel implements NotificationChannel {

    private final HttpClient client;
    private final URI url;
    private final Duration timeout;
    private final JsonMapper json;

    SlackChannel(HttpClient client, String url, Duration timeout, JsonMapper json) {
        this.client = client;
        this.url = URI.create(url);
        this.timeout = timeout;
        this.json = json;
    }

    @Override
    public String name() {
        return "Slack (" + url.getScheme() + "://" + url.getHost() + "/…)";
    }

    @Override
    public void send(String text) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("text", text))))
                .build();
        HttpResponse<String> response = ChannelHttp.send(client, request, name());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(name() + " answered " + response.statusCode() + ": "
                    + ChannelHttp.shorten(response.body()));
        }
    }
}
