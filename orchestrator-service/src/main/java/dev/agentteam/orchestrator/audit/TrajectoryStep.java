package dev.agentteam.orchestrator.audit;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One model call of an agent, as {@code agent_logs} stores it (already redacted by the writer).
 *
 * @param metadataJson the call's JSON object: provider, request parameters, tool calls, finish reason, error
 */
public record TrajectoryStep(long id, String agent, Long taskId, int attempt, String prompt, String response,
                             String decision, String metadataJson, String model, String promptVersion,
                             long inputTokens, long outputTokens, BigDecimal costUsd, long latencyMs, String traceId,
                             Instant createdAt) {
}
