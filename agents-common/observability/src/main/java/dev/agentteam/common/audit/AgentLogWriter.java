package dev.agentteam.common.audit;

import java.math.BigDecimal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Appends model calls to {@code agent_logs}, every text column redacted first. */
public class AgentLogWriter {

    private static final Logger log = LoggerFactory.getLogger(AgentLogWriter.class);

    private final JdbcClient jdbc;
    private final SecretRedactor redactor;

    public AgentLogWriter(JdbcClient jdbc, SecretRedactor redactor) {
        this.jdbc = jdbc;
        this.redactor = redactor;
    }

    /** Writes one row; returns its id. */
    public long write(AgentLogEntry e) {
        Long id = jdbc.sql("""
                        insert into agent_logs (agent, task_id, attempt, prompt, response, decision, metadata, model,
                                                prompt_version, input_tokens, output_tokens, cost_usd, latency_ms, trace_id)
                        values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?)
                        returning id""")
                .params(e.agent(), e.taskId(), e.attempt(), redactor.redact(e.prompt()), redactor.redact(e.response()),
                        redactor.redact(e.decision()), redactor.redact(e.metadataJson() == null ? "{}" : e.metadataJson()),
                        e.model(), e.promptVersion(), e.inputTokens(), e.outputTokens(),
                        e.costUsd() == null ? BigDecimal.ZERO : e.costUsd(), e.latencyMs(), e.traceId())
                .query(Long.class)
                .single();
        log.debug("agent_logs row {} written for agent {} task {} ({} + {} tokens)", id, e.agent(), e.taskId(),
                e.inputTokens(), e.outputTokens());
        return id;
    }
}
