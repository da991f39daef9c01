package dev.agentteam.common.codehost;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How agents reach the orchestrator's embedded forge: with each task's own credential (docs/adr/forge-trust.md).
 *
 * @param url     the orchestrator's root URL; unset means derived from each repository's clone URL
 *                ({@code <root>/git/<name>.git})
 * @param agentToken the agent's orchestrator token ({@code AGENTTEAM_AGENT_TOKEN}): it fetches the forge credential
 *                of each task from the orchestrator, and does nothing else; the agent holds no forge token of its own
 * @param timeout per request, and how long to wait for the orchestrator to see a claimed task RUNNING
 */
@ConfigurationProperties("agentteam.embedded-forge")
public record EmbeddedForgeProperties(URI url, String agentToken, Duration timeout) {

    public EmbeddedForgeProperties {
        url = url == null || url.toString().isBlank() ? null : url;
        agentToken = agentToken == null || agentToken.isBlank() ? null : agentToken;
        timeout = timeout != null ? timeout : Duration.ofSeconds(30);
    }

    @Override
    public String toString() {
        return "EmbeddedForgeProperties[url=" + url + ", agentToken=" + (agentToken == null ? "none" : "***") + ", timeout="
                + timeout + "]";
    }
}
