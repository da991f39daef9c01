package dev.agentteam.common.llm;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import java.time.Duration;

/** Hands each provider model a {@link ResilientHttpClient} with the role's timeouts and retry policy. */
final class ResilientHttpClientBuilder implements HttpClientBuilder {

    private final RetryPolicy policy;
    private Duration connectTimeout;
    private Duration readTimeout;

    ResilientHttpClientBuilder(RetryPolicy policy, Duration timeout) {
        this.policy = policy;
        this.connectTimeout = timeout;
        this.readTimeout = timeout;
    }

    @Override
    public Duration connectTimeout() {
        return connectTimeout;
    }

    @Override
    public HttpClientBuilder connectTimeout(Duration timeout) {
        if (timeout != null) {
            this.connectTimeout = timeout;
        }
        return this;
    }

    @Override
    public Duration readTimeout() {
        return readTimeout;
    }

    @Override
    public HttpClientBuilder readTimeout(Duration timeout) {
        if (timeout != null) {
            this.readTimeout = timeout;
        }
        return this;
    }

    @Override
    public HttpClient build() {
        HttpClient streaming = JdkHttpClient.builder().connectTimeout(connectTimeout).readTimeout(readTimeout).build();
        return new ResilientHttpClient(connectTimeout, readTimeout, policy, streaming);
    }
}
