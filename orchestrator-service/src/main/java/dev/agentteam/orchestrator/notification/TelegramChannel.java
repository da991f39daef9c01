package dev.agentteam.orchestrator.notification;

import java.net.URI;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Telegram's Bot API {@code sendMessage}: POST {@code <api>/bot<token>/sendMessage} with {@code chat_id} and
 * {@code text}; the answer is {@code {"ok": true, "result": …}} or {@code {"ok": false, "description": …}}.
 * The token is part of the URL, so neither appears in logs or errors.
 */
class TelegramChannel implements NotificationChannel {

    private final RestClient rest;
    private final URI sendMessage;
    private final String chatId;
    private final JsonMapper json;

    TelegramChannel(RestClient rest, URI apiUrl, String token, String chatId, JsonMapper json) {
        this.rest = rest;
        String base = apiUrl.toString().replaceAll("/+$", "");
        this.sendMessage = URI.create(base + "/bot" + token + "/sendMessage");
        this.chatId = chatId;
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
        ResponseEntity<String> response = ChannelHttp.postJson(rest, sendMessage, body, name());
        JsonNode answer = readOrEmpty(response.getBody());
        if (response.getStatusCode().value() != 200 || !answer.path("ok").asBoolean(false)) {
            throw new IllegalStateException(name() + " answered " + response.getStatusCode().value() + ": "
                    + ChannelHttp.shorten(answer.path("description").asString(response.getBody())));
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
