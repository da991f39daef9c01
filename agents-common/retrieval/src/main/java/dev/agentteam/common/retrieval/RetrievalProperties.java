package dev.agentteam.common.retrieval;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How agents reach the orchestrator's code search ({@code agentteam.retrieval.client.*}).
 *
 * @param url     the orchestrator's root URL; unset: the embedded forge's URL ({@code agentteam.embedded-forge.url}),
 *                else derived from an embedded repository's clone URL
 * @param timeout per search
 */
@ConfigurationProperties("agentteam.retrieval.client")
public record RetrievalProperties(URI url, Duration timeout) {

    public RetrievalProperties {
        url = url == null || url.toString().isBlank() ? null : url;
        timeout = timeout != null ? timeout : Duration.ofSeconds(10);
    }
}
