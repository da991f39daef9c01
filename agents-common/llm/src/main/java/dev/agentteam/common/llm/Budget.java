package dev.agentteam.common.llm;

import dev.agentteam.common.task.TokenUsage;
import java.math.BigDecimal;

/** What one session has spent, checked against the limits before every call. Not thread-safe: one task, one thread. */
final class Budget {

    private final LlmProperties.Budget limits;
    private int steps;
    private TokenUsage used = TokenUsage.NONE;

    Budget(LlmProperties.Budget limits) {
        this.limits = limits;
    }

    void checkBeforeCall() {
        if (steps >= limits.maxSteps()) {
            throw new BudgetExceededException("max-steps", steps + " model calls", String.valueOf(limits.maxSteps()));
        }
        if (used.totalTokens() >= limits.maxTokens()) {
            throw new BudgetExceededException("max-tokens", used.totalTokens() + " tokens", String.valueOf(limits.maxTokens()));
        }
        if (used.estimatedCostUsd().compareTo(limits.maxCostUsd()) >= 0) {
            throw new BudgetExceededException("max-cost-usd", "$" + used.estimatedCostUsd().toPlainString(),
                    "$" + limits.maxCostUsd().toPlainString());
        }
    }

    void record(long inputTokens, long outputTokens, BigDecimal cost) {
        steps++;
        used = used.plus(new TokenUsage(inputTokens, outputTokens, cost));
    }

    void recordFailedCall() {
        steps++;
    }

    int steps() {
        return steps;
    }

    TokenUsage used() {
        return used;
    }
}
