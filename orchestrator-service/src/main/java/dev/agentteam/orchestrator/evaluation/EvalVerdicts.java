package dev.agentteam.orchestrator.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.agentteam.common.task.TextCut;

/** Writes a task's verdict with what its story cost: model calls, tokens and cost from agent_logs, Dev rounds, seconds. */
@Component
class EvalVerdicts {

    private static final Logger log = LoggerFactory.getLogger(EvalVerdicts.class);

    private final JdbcClient jdbc;

    EvalVerdicts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the verdict unless the task has one already (its run was cancelled meanwhile). */
    void write(long runId, String taskKey, Long storyId, EvalOutcome outcome, Instant started) {
        Map<String, Object> spent = storyId == null ? Map.of() : jdbc.sql("""
                        select count(*) as steps, coalesce(sum(input_tokens), 0) as tokens_in,
                               coalesce(sum(output_tokens), 0) as tokens_out, coalesce(sum(cost_usd), 0) as cost
                        from agent_logs where model <> 'retrieval' and task_id in (select id from tasks where story_id = ?)""")
                .param(storyId).query().singleRow();
        Long devTask = storyId == null ? null : jdbc.sql("select min(id) from tasks where story_id = ? and type like 'dev.%'")
                .param(storyId).query(Long.class).optional().orElse(null);
        int rounds = storyId == null ? 0 : jdbc.sql("select count(*) from tasks where story_id = ? and type like 'dev.%'")
                .param(storyId).query(Integer.class).single();
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        jdbc.sql("""
                        update eval_results set status = 'DONE', solved = ?, reason = ?, detail = ?, dev_task_id = ?,
                          pr_number = ?, rounds = ?, steps = ?, tokens_in = ?, tokens_out = ?, cost_usd = ?, seconds = ?,
                          finished_at = now()
                        where run_id = ? and task_key = ? and status <> 'DONE'""")
                .params("solved".equals(outcome.reason()), outcome.reason(), cut(outcome.detail()), devTask,
                        outcome.prNumber(), rounds, ((Number) spent.getOrDefault("steps", 0)).intValue(),
                        ((Number) spent.getOrDefault("tokens_in", 0)).longValue(),
                        ((Number) spent.getOrDefault("tokens_out", 0)).longValue(), spent.getOrDefault("cost", 0),
                        Math.round(seconds * 10) / 10.0, runId, taskKey)
                .update();
        log.info("evaluation run {} task {}: {} ({})", runId, taskKey, outcome.reason(), cut(outcome.detail()));
    }

    private static String cut(String text) {
        return TextCut.head(text, 2000);
    }
}
