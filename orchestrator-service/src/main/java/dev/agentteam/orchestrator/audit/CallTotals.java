package dev.agentteam.orchestrator.audit;

import java.math.BigDecimal;

/** What a task's model calls added up to so far: how many, tokens, estimated cost and time spent waiting. */
public record CallTotals(long calls, long inputTokens, long outputTokens, BigDecimal costUsd, long latencyMs) {
}
