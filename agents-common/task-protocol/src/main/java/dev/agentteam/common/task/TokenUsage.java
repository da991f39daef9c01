package dev.agentteam.common.task;

import java.math.BigDecimal;

/** Tokens and estimated cost spent by one attempt (summed over its model calls). */
public record TokenUsage(long inputTokens, long outputTokens, BigDecimal estimatedCostUsd) {

    public static final TokenUsage NONE = new TokenUsage(0, 0, BigDecimal.ZERO);

    public TokenUsage {
        estimatedCostUsd = estimatedCostUsd == null ? BigDecimal.ZERO : estimatedCostUsd;
    }

    public long totalTokens() {
        return inputTokens + outputTokens;
    }

    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage(inputTokens + other.inputTokens, outputTokens + other.outputTokens,
                estimatedCostUsd.add(other.estimatedCostUsd));
    }
}
