package dev.agentteam.orchestrator.notification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Telegram's Bot API {@code sendMessage}: POST {@code <api>/bot<token>/sendMessage} with {@code chat_id} and
 * {@code text}; the answer is {@code {"ok": true, "result": …}} or {@code {"ok": false, "description": …}}.
 * The token is part of the URL, so neither appears in logs or errors.
 */
class TelegramChannel implements NotificationChannel {

    private final HttpClient client;
    private final URI sendMessage;
    private final String chatId;
    private final Duration timeout;
    private final JsonMapper json;

    TelegramChannel(HttpClient client, URI apiUrl, String token, String chatId, Duration timeout, JsonMapper json) {
        this.client = client;
        String base = apiUrl.toString().replaceAll("/+$", "");
        this.sendMessage = URI.create(base + "/bot" + token + "/sendMessage");
        this.chatId = chatId;
        this.timeout = timeout;
        this.json = json;
    }

    @Override
    public String name() {
        return "Telegram (" + sendMessage.getHost() + ", chat " + chatId + ")";
    }

    @Override
    public void send(String text) {
        String body = json.writeValueAsString(Map.of("chat_id", chatId, "text", text,
                "disable_web_page_preview", true));
        HttpRequest request = HttpRequest.newBuilder(sendMessage).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = ChannelHttp.send(client, request, name());
        JsonNode answer = readOrEmpty(response.body());
        if (response.statusCode() != 200 || !answer.path("ok").asBoolean(false)) {
            throw new IllegalStateException(name() + " answered " + response.statusCode() + ": "
                    + ChannelHttp.shorten(answer.path("description").asString(response.body())));
        }
    }

    private JsonNode readOrEmpty(String body) {
        try {
            return json.readTree(body == null ? "{}" : body);
        } catch (RuntimeException e) {
            return json.createObjectNode();
        }
    }
}
