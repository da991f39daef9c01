package dev.agentteam.common.codehost;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How agents reach the orchestrator's embedded forge.
 *
 * @param url     the orchestrator's root URL; unset means derived from each repository's clone URL
 *                ({@code <root>/git/<name>.git})
 * @param token   the agent's forge token ({@code AGENTTEAM_FORGE_TOKEN}), for the API and as the git password
 * @param timeout per request
 */
@ConfigurationProperties("agentteam.embedded-forge")
public record EmbeddedForgeProperties(URI url, String token, Duration timeout) {

    public EmbeddedForgeProperties {
        url = url == null || url.toString().isBlank() ? null : url;
        token = token == null || token.isBlank() ? null : token;
        timeout = timeout != null ? timeout : Duration.ofSeconds(30);
    }

    @Override
    public String toString() {
        return "EmbeddedForgeProperties[url=" + url + ", token=" + (token == null ? "none" : "***") + ", timeout="
                + timeout + "]";
    }
}
