package dev.agentteam.orchestrator.audit;

import java.math.BigDecimal;

/** What one agent role spent on model calls: calls, tokens, estimated cost and mean latency. */
public record AgentUsage(String agent, long calls, long inputTokens, long outputTokens, BigDecimal costUsd,
                         long avgLatencyMs) {
}
