package dev.agentteam.common.audit;

import java.math.BigDecimal;

/**
 * One model call as it is audited in {@code agent_logs}. Free text is redacted by {@link AgentLogWriter}.
 *
 * @param agent         role key ({@code po}, {@code dev}, ...)
 * @param taskId        the task row, or null for calls outside a task
 * @param prompt        the full request messages, rendered readably
 * @param response      the answer text and tool calls, or null when the call failed
 * @param decision      a one-line summary: {@code answer}, {@code tool_calls: a, b}, {@code error: ...}
 * @param metadataJson  a JSON object: tool calls, finish reason, request parameters
 * @param promptVersion the prompt id, e.g. {@code po_agent_v1}
 */
public record AgentLogEntry(String agent, Long taskId, int attempt, String prompt, String response, String decision,
                            String metadataJson, String model, String promptVersion, long inputTokens,
                            long outputTokens, BigDecimal costUsd, long latencyMs, String traceId) {
}
