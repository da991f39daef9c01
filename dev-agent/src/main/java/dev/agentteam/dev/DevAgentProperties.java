package dev.agentteam.dev;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the Dev agent ({@code agentteam.dev.*}). Model budgets (steps, tokens, cost) are the gateway's
 * ({@code agentteam.llm.budget.*}); the agent and GitHub tokens are the code hosts' ({@code agentteam.embedded-forge.agent-token},
 * {@code agentteam.github.token}); these bound what the tools do and hand back to the model.
 *
 * @param testTimeout      wall-clock limit of one test run in the sandbox
 * @param toolOutputLimit  characters of a tool's answer the model gets (head and tail of longer output)
 * @param resultOutputLimit characters of test output kept in the task result (the last ones)
 * @param maxToolCalls     tool calls one task may make before the loop is stopped
 * @param listedFiles      files of the repository listed in the prompt as orientation
 * @param ragContextTokens tokens of retrieved code the prompt's {@code {{rag_context}}} may hold (one chunk per file)
 * @param ragResults       chunks retrieved for the story before the best one per file is kept
 * @param searchResults    chunks one {@code search_code} call answers
 */
@ConfigurationProperties("agentteam.dev")
public record DevAgentProperties(
        @DefaultValue("10m") Duration testTimeout,
        @DefaultValue("12KB") DataSize toolOutputLimit,
        @DefaultValue("4KB") DataSize resultOutputLimit,
        @DefaultValue("60") int maxToolCalls,
        @DefaultValue("200") int listedFiles,
        @DefaultValue("2000") int ragContextTokens,
        @DefaultValue("20") int ragResults,
        @DefaultValue("6") int searchResults) {

    public DevAgentProperties {
        if (testTimeout.isNegative() || testTimeout.isZero()) {
            throw new IllegalArgumentException("agentteam.dev.test-timeout must be positive");
        }
        if (ragContextTokens < 0 || ragResults < 1 || ragResults > 50 || searchResults < 1 || searchResults > 50) {
            throw new IllegalArgumentException("agentteam.dev: rag-context-tokens must be >= 0, rag-results and "
                    + "search-results between 1 and 50");
        }
        if (maxToolCalls < 1) {
            throw new IllegalArgumentException("agentteam.dev.max-tool-calls must be at least 1, was " + maxToolCalls);
        }
    }
}
