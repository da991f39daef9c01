package dev.agentteam.orchestrator.notification;

import java.net.URI;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Slack incoming webhook: POST {@code {"text": …}} as JSON; Slack answers 200 {@code ok}, or an error code
 * such as {@code invalid_payload} or {@code no_service} in the body. The URL path is the secret, so only the
 * host appears in logs and errors.
 */
class SlackChannel implements NotificationChannel {

    private final RestClient rest;
    private final URI url;
    private final JsonMapper json;

    SlackChannel(RestClient rest, String url, JsonMapper json) {
        this.rest = rest;
        this.url = URI.create(url);
        this.json = json;
    }

    @Override
    public String name() {
        return "Slack (" + url.getScheme() + "://" + url.getHost() + "/…)";
    }

    @Override
    public void send(String text) {
        ResponseEntity<String> response = ChannelHttp.postJson(rest, url, json.writeValueAsString(Map.of("text", text)), name());
        if (response.getStatusCode().value() != 200) {
            throw new IllegalStateException(name() + " answered " + response.getStatusCode().value() + ": "
                    + ChannelHttp.shorten(response.getBody()));
        }
    }
}
