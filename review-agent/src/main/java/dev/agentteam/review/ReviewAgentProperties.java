package dev.agentteam.review;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Review agent ({@code agentteam.review.*}).
 *
 * @param maxRounds        review rounds that may request changes; a PR still not approved in the last round is
 *                         labelled {@code needs-human} instead of going back to the Dev agent
 * @param maxDiffChars     characters of the diff the model sees (the rest is cut, and the summary says so)
 * @param maxComments      inline comments one review posts at most
 * @param conventionFiles  repository files read as its conventions, the first ones found (by path)
 * @param maxConventionChars characters of those files the model sees
 * @param contextTokens    tokens of related code (definitions and uses of the symbols the diff touches, retrieved
 *                         from the repository's index) the model sees; 0 turns retrieval off
 * @param contextSymbols   symbols of the diff looked up, declared ones first
 */
@ConfigurationProperties("agentteam.review")
public record ReviewAgentProperties(
        @DefaultValue("2") int maxRounds,
        @DefaultValue("60000") int maxDiffChars,
        @DefaultValue("20") int maxComments,
        @DefaultValue({"CONTRIBUTING.md", "CONVENTIONS.md", "docs/conventions.md", ".editorconfig"}) List<String> conventionFiles,
        @DefaultValue("8000") int maxConventionChars,
        @DefaultValue("1500") int contextTokens,
        @DefaultValue("5") int contextSymbols) {

    public ReviewAgentProperties {
        if (maxRounds < 1) {
            throw new IllegalArgumentException("agentteam.review.max-rounds must be at least 1, was " + maxRounds);
        }
        if (maxDiffChars < 1000 || maxComments < 1 || maxConventionChars < 0) {
            throw new IllegalArgumentException("agentteam.review.max-diff-chars must be >= 1000 and max-comments >= 1");
        }
        if (contextTokens < 0 || contextSymbols < 1) {
            throw new IllegalArgumentException("agentteam.review.context-tokens must be >= 0 and context-symbols >= 1");
        }
        conventionFiles = List.copyOf(conventionFiles);
    }
}
