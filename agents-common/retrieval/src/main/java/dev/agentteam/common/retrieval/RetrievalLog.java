package dev.agentteam.common.retrieval;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.agentteam.common.audit.AgentLogEntry;
import dev.agentteam.common.audit.AgentLogWriter;
import dev.agentteam.common.llm.ModelCallContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes each retrieval to {@code agent_logs} as its own row: the query as the prompt, the chunks as the response,
 * {@code retrieval: N chunks} as the decision, and the details ({@code kind: retrieval}, purpose, k, paths, lines,
 * scores) as metadata. No tokens or cost: no model was called.
 */
public class RetrievalLog {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AgentLogWriter writer;

    /** @param writer null where no database is configured: nothing is written */
    public RetrievalLog(AgentLogWriter writer) {
        this.writer = writer;
    }

    void write(ModelCallContext context, String purpose, int k, String pathPrefix, Retrieved result) {
        if (writer == null) {
            return;
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("kind", "retrieval");
        metadata.put("purpose", purpose);
        metadata.put("query", result.query());
        metadata.put("k", k);
        if (pathPrefix != null && !pathPrefix.isBlank()) {
            metadata.put("path", pathPrefix);
        }
        metadata.put("results", result.chunks().stream().map(c -> Map.of("path", c.path(), "start_line", c.startLine(),
                "end_line", c.endLine(), "symbol", c.symbol() == null ? "" : c.symbol(), "score", c.score())).toList());
        if (result.notice() != null) {
            metadata.put("notice", result.notice());
        }
        StringBuilder response = new StringBuilder();
        for (CodeChunk chunk : result.chunks()) {
            response.append("--- ").append(chunk.location()).append(" score ")
                    .append(String.format(java.util.Locale.ROOT, "%.4f", chunk.score())).append(" ---\n")
                    .append(chunk.snippet()).append("\n");
        }
        if (result.notice() != null) {
            response.append("[").append(result.notice()).append("]");
        }
        writer.write(new AgentLogEntry(context.role().key(), context.taskId(), context.attempt(),
                "retrieval (" + purpose + "): " + result.query(), response.toString(),
                "retrieval: " + result.chunks().size() + " chunks", JSON.writeValueAsString(metadata), "retrieval",
                context.promptVersion(), 0, 0, BigDecimal.ZERO, result.tookMs(), context.traceId()));
    }

    /** The chunk locations of a result, for tests and trajectories. */
    static List<String> locations(Retrieved result) {
        return result.chunks().stream().map(CodeChunk::location).toList();
    }
}
