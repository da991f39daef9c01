package dev.agentteam.common.codehost;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;

/** The one way a GitHub client (org.kohsuke github-api) is built: endpoint, token, and rate limits failing fast. */
final class GitHubClients {

    private GitHubClients() {
    }

    static GitHub connect(GitHubProperties properties, Clock clock) {
        RateLimitResponses limits = new RateLimitResponses(clock, properties.defaultRateLimitWait());
        GitHubBuilder builder = new GitHubBuilder().withEndpoint(properties.apiUrl())
                .withRateLimitHandler(limits.primary())
                .withAbuseLimitHandler(limits.secondary());
        if (properties.token() != null) {
            builder = builder.withOAuthToken(properties.token());
        }
        try {
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException("could not set up the GitHub client for " + properties.apiUrl(), e);
        }
    }
}
