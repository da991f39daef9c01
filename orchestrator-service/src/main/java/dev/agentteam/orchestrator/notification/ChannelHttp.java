package dev.agentteam.orchestrator.notification;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import dev.agentteam.common.task.TextCut;

/** The channels' HTTP: Spring's {@link RestClient} on the JDK client, no redirects, and error text without secrets. */
final class ChannelHttp {

    private ChannelHttp() {
    }

    static RestClient restClient(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(timeout);
        return RestClient.builder().requestFactory(requests).build();
    }

    /** POSTs a JSON body; every status comes back as an answer for the channel to judge (none throws). */
    static ResponseEntity<String> postJson(RestClient rest, URI uri, String json, String name) {
        try {
            return rest.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(json)
                    .retrieve().onStatus(status -> true, (request, response) -> { })
                    .toEntity(String.class);
        } catch (ResourceAccessException e) {
            // The exception text carries the URL, which holds the secret: only the cause's type is kept.
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException(name + " could not be reached (" + cause.getClass().getSimpleName() + ")");
        }
    }

    static String shorten(String body) {
        String text = body == null ? "" : body.strip();
        return TextCut.head(text, 200);
    }
}
