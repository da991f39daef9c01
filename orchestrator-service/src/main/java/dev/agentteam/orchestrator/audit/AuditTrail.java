package dev.agentteam.orchestrator.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The read side of the audit trail: what each agent sent to and got back from its model ({@code agent_logs},
 * written append-only by the agents), and the status timeline of each task ({@code task_transitions}). Nothing
 * here writes; the rows are shown as stored, already redacted.
 */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A task's model calls in the order they happened, only those after {@code afterId} (0 for all), at most
     * {@code limit}: live views ask again with the last id they have.
     */
    public List<TrajectoryStep> trajectory(long taskId, long afterId, int limit) {
        return jdbc.sql("""
                        select id, agent, task_id, attempt, prompt, response, decision, metadata::text as metadata,
                               model, prompt_version, input_tokens, output_tokens, cost_usd, latency_ms, trace_id,
                               created_at
                        from agent_logs where task_id = ? and id > ? order by id limit ?""")
                .params(taskId, afterId, limit)
                .query(AuditTrail::step)
                .list();
    }

    /** The sums over all of a task's recorded model calls, every attempt. */
    public CallTotals totals(long taskId) {
        return jdbc.sql("""
                        select count(*) as calls, coalesce(sum(input_tokens), 0) as input_tokens,
                               coalesce(sum(output_tokens), 0) as output_tokens, coalesce(sum(cost_usd), 0) as cost_usd,
                               coalesce(sum(latency_ms), 0) as latency_ms
                        from agent_logs where task_id = ?""")
                .param(taskId)
                .query((rs, row) -> new CallTotals(rs.getLong("calls"), rs.getLong("input_tokens"),
                        rs.getLong("output_tokens"), rs.getBigDecimal("cost_usd"), rs.getLong("latency_ms")))
                .single();
    }

    /** A task's status changes, oldest first. */
    public List<TimelineEntry> timeline(long taskId) {
        return jdbc.sql("""
                        select id, from_status, to_status, attempt, reason, at
                        from task_transitions where task_id = ? order by at, id""")
                .param(taskId)
                .query((rs, row) -> new TimelineEntry(rs.getLong("id"), rs.getString("from_status"),
                        rs.getString("to_status"), rs.getInt("attempt"), rs.getString("reason"), instant(rs, "at")))
                .list();
    }

    private static TrajectoryStep step(ResultSet rs, int row) throws SQLException {
        return new TrajectoryStep(rs.getLong("id"), rs.getString("agent"), rs.getObject("task_id", Long.class),
                rs.getInt("attempt"), rs.getString("prompt"), rs.getString("response"), rs.getString("decision"),
                rs.getString("metadata"), rs.getString("model"), rs.getString("prompt_version"),
                rs.getLong("input_tokens"), rs.getLong("output_tokens"), rs.getBigDecimal("cost_usd"),
                rs.getLong("latency_ms"), rs.getString("trace_id"), instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
