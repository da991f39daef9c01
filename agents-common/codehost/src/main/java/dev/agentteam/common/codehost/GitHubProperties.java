package dev.agentteam.common.codehost;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param apiUrl               REST API root ({@code https://api.github.com}; GitHub Enterprise or a fake elsewhere)
 * @param token                installation or personal access token; from the environment ({@code GITHUB_TOKEN}), never logged
 * @param defaultRateLimitWait delay reported when GitHub says "rate limited" without saying until when
 */
@ConfigurationProperties("agentteam.github")
public record GitHubProperties(String apiUrl, String token, Duration defaultRateLimitWait) {

    public GitHubProperties {
        apiUrl = apiUrl == null || apiUrl.isBlank() ? "https://api.github.com" : apiUrl;
        token = token == null || token.isBlank() ? null : token;
        defaultRateLimitWait = defaultRateLimitWait != null ? defaultRateLimitWait : Duration.ofSeconds(61);
    }

    @Override
    public String toString() {
        return "GitHubProperties[apiUrl=" + apiUrl + ", token=" + (token == null ? "none" : "***")
                + ", defaultRateLimitWait=" + defaultRateLimitWait + "]";
    }
}
