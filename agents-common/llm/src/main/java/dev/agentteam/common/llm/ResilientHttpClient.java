package dev.agentteam.common.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.agentteam.common.task.TextCut;

/**
 * The HTTP client under every provider model. LangChain4j's own retry is switched off (maxRetries 0) because
 * its exceptions do not carry response headers, so Retry-After could not be honoured; the policy lives here.
 * Non-retryable 4xx answers become LangChain4j's {@link HttpException} so the provider maps them as usual.
 */
final class ResilientHttpClient implements HttpClient {

    private static final Logger log = LoggerFactory.getLogger(ResilientHttpClient.class);

    private final java.net.http.HttpClient http;
    private final Duration readTimeout;
    private final RetryPolicy policy;
    private final HttpClient streamingDelegate;

    ResilientHttpClient(Duration connectTimeout, Duration readTimeout, RetryPolicy policy, HttpClient streamingDelegate) {
        this.http = java.net.http.HttpClient.newBuilder().connectTimeout(connectTimeout)
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        this.readTimeout = readTimeout;
        this.policy = policy;
        this.streamingDelegate = streamingDelegate;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
            return streamingDelegate.execute(request);
        }
        java.net.http.HttpRequest jdkRequest = toJdk(request);
        for (int retry = 0; ; retry++) {
            HttpResponse<String> response;
            try {
                response = http.send(jdkRequest, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (retry >= policy.maxRetries()) {
                    throw new ModelUnavailableException("model endpoint unreachable after " + (retry + 1)
                            + " attempt(s): " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
                }
                pause(retry + 1, null, "I/O error " + e.getClass().getSimpleName());
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ModelUnavailableException("interrupted while calling the model", e);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return SuccessfulHttpResponse.builder().statusCode(status).headers(response.headers().map())
                        .body(response.body()).build();
            }
            if (!RetryPolicy.isRetryableStatus(status)) {
                throw new HttpException(status, excerpt(response.body()));
            }
            if (retry >= policy.maxRetries()) {
                throw new ModelUnavailableException("model endpoint answered HTTP " + status + " after " + (retry + 1)
                        + " attempt(s): " + excerpt(response.body()), null);
            }
            pause(retry + 1, response.headers().firstValue("Retry-After").orElse(null), "HTTP " + status);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        streamingDelegate.execute(request, parser, listener);
    }

    private void pause(int retry, String retryAfter, String why) {
        Duration wait = policy.delay(retry, retryAfter);
        log.warn("model call failed ({}); retry {}/{} in {} ms", why, retry, policy.maxRetries(), wait.toMillis());
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelUnavailableException("interrupted while waiting to retry the model call", e);
        }
    }

    private java.net.http.HttpRequest toJdk(HttpRequest request) {
        String body = request.body();
        java.net.http.HttpRequest.BodyPublisher publisher = body == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(body);
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
                .method(request.method().name(), publisher);
        if (readTimeout != null) {
            builder.timeout(readTimeout);
        }
        request.headers().forEach((name, values) -> {
            if (!isRestricted(name)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    private static boolean isRestricted(String header) {
        // the JDK client sets these itself and rejects them from callers
        return header.equalsIgnoreCase("content-length") || header.equalsIgnoreCase("host")
                || header.equalsIgnoreCase("connection") || header.equalsIgnoreCase("expect")
                || header.equalsIgnoreCase("upgrade");
    }

    private static String excerpt(String body) {
        if (body == null) {
            return "";
        }
        return TextCut.head(body, 500);
    }
}
