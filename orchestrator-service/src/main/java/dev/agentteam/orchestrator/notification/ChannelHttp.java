package dev.agentteam.orchestrator.notification;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.agentteam.common.task.TextCut;

/** Sending and error text shared by the channels. */
final class ChannelHttp {

    private ChannelHttp() {
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest request, String name) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // The exception text may carry the URL, which holds the secret: only its type is kept.
            throw new IllegalStateException(name + " could not be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + ": interrupted");
        }
    }

    static String shorten(String body) {
        String text = body == null ? "" : body.strip();
        return TextCut.head(text, 200);
    }
}
