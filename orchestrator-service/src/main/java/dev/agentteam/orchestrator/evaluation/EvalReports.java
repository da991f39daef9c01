package dev.agentteam.orchestrator.evaluation;

import dev.agentteam.orchestrator.api.ApiProblems;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A run as a report: per task solved or not and why, rounds, steps, tokens, cost, seconds and the trajectory's
 * address; totals: solve rate, tokens and cost per solved task, median seconds. JSON (a map) and Markdown.
 */
@Component
class EvalReports {

    private final JdbcClient jdbc;

    EvalReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Map<String, Object>> runs() {
        List<Map<String, Object>> runs = new ArrayList<>();
        for (Long id : jdbc.sql("select id from eval_runs order by id desc limit 100").query(Long.class).list()) {
            Map<String, Object> report = report(id);
            report.remove("results");
            runs.add(report);
        }
        return runs;
    }

    Map<String, Object> report(long runId) {
        List<Map<String, Object>> rows = jdbc.sql("select * from eval_runs where id = ?").param(runId).query().listOfRows();
        if (rows.isEmpty()) {
            throw ApiProblems.notFound("evaluation run", runId);
        }
        Map<String, Object> run = rows.get(0);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("id", runId);
        report.put("suite", run.get("suite"));
        report.put("mode", run.get("mode"));
        report.put("label", run.get("label"));
        report.put("model", run.get("model"));
        report.put("prompt_version", run.get("prompt_version"));
        report.put("status", run.get("status"));
        report.put("concurrency", run.get("concurrency"));
        report.put("started_at", instant(run.get("started_at")));
        report.put("finished_at", instant(run.get("finished_at")));
        List<Map<String, Object>> results = new ArrayList<>();
        int solved = 0;
        int done = 0;
        long tokensIn = 0;
        long tokensOut = 0;
        BigDecimal cost = BigDecimal.ZERO;
        List<Double> seconds = new ArrayList<>();
        for (Map<String, Object> r : jdbc.sql("select * from eval_results where run_id = ? order by position").param(runId)
                .query().listOfRows()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", r.get("task_key"));
            entry.put("title", r.get("title"));
            entry.put("difficulty", r.get("difficulty"));
            entry.put("status", r.get("status"));
            entry.put("solved", Boolean.TRUE.equals(r.get("solved")));
            entry.put("reason", r.get("reason"));
            entry.put("detail", r.get("detail"));
            entry.put("rounds", r.get("rounds"));
            entry.put("steps", r.get("steps"));
            entry.put("tokens_in", r.get("tokens_in"));
            entry.put("tokens_out", r.get("tokens_out"));
            entry.put("cost_usd", ((BigDecimal) r.get("cost_usd")).setScale(6, RoundingMode.HALF_UP));
            entry.put("seconds", r.get("seconds") == null ? null : ((BigDecimal) r.get("seconds")).doubleValue());
            entry.put("story_id", r.get("story_id"));
            entry.put("repository", r.get("repository"));
            entry.put("pr_number", r.get("pr_number"));
            entry.put("trajectory", r.get("dev_task_id") == null ? null : "/tasks/" + r.get("dev_task_id"));
            results.add(entry);
            if ("DONE".equals(r.get("status"))) {
                done++;
                solved += Boolean.TRUE.equals(r.get("solved")) ? 1 : 0;
                tokensIn += ((Number) r.get("tokens_in")).longValue();
                tokensOut += ((Number) r.get("tokens_out")).longValue();
                cost = cost.add((BigDecimal) r.get("cost_usd"));
                if (r.get("seconds") != null) {
                    seconds.add(((BigDecimal) r.get("seconds")).doubleValue());
                }
            }
        }
        report.put("tasks", results.size());
        report.put("done", done);
        report.put("solved", solved);
        report.put("solve_rate", results.isEmpty() ? 0.0 : Math.round(1000.0 * solved / results.size()) / 1000.0);
        report.put("tokens_in", tokensIn);
        report.put("tokens_out", tokensOut);
        report.put("cost_usd", cost.setScale(6, RoundingMode.HALF_UP));
        report.put("tokens_per_solved", solved == 0 ? null : (tokensIn + tokensOut) / solved);
        report.put("cost_per_solved_usd", solved == 0 ? null : cost.divide(BigDecimal.valueOf(solved), 6, RoundingMode.HALF_UP));
        report.put("median_seconds", median(seconds));
        report.put("results", results);
        return report;
    }

    String markdown(Map<String, Object> report) {
        StringBuilder md = new StringBuilder();
        md.append("# Evaluation run ").append(report.get("id")).append(": suite `").append(report.get("suite"))
                .append("`, mode `").append(report.get("mode")).append("`\n\n");
        md.append("- model: ").append(orDash(report.get("model"))).append(", prompt: ").append(orDash(report.get("prompt_version")))
                .append(report.get("label") == null ? "" : ", label: " + report.get("label")).append('\n');
        md.append("- status: ").append(report.get("status")).append(" (").append(report.get("done")).append('/')
                .append(report.get("tasks")).append(" tasks done)\n");
        md.append("- **solved ").append(report.get("solved")).append('/').append(report.get("tasks")).append("** (solve rate ")
                .append(report.get("solve_rate")).append(")\n");
        md.append("- tokens in/out: ").append(report.get("tokens_in")).append(" / ").append(report.get("tokens_out"))
                .append(", cost: $").append(report.get("cost_usd")).append('\n');
        md.append("- per solved task: ").append(orDash(report.get("tokens_per_solved"))).append(" tokens, $")
                .append(orDash(report.get("cost_per_solved_usd"))).append("; median time ").append(orDash(report.get("median_seconds")))
                .append(" s\n\n");
        md.append("| task | difficulty | solved | reason | rounds | steps | tokens in | tokens out | cost $ | seconds | trajectory |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) report.get("results");
        for (Map<String, Object> r : results) {
            md.append("| ").append(r.get("id")).append(" | ").append(orDash(r.get("difficulty"))).append(" | ")
                    .append(Boolean.TRUE.equals(r.get("solved")) ? "yes" : "no").append(" | ")
                    .append(r.get("reason") == null ? r.get("status") : r.get("reason")).append(" | ")
                    .append(r.get("rounds")).append(" | ").append(r.get("steps")).append(" | ").append(r.get("tokens_in"))
                    .append(" | ").append(r.get("tokens_out")).append(" | ").append(r.get("cost_usd")).append(" | ")
                    .append(orDash(r.get("seconds"))).append(" | ").append(orDash(r.get("trajectory"))).append(" |\n");
        }
        return md.toString();
    }

    private static Object orDash(Object value) {
        return value == null ? "–" : value;
    }

    private static String instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant().toString() : null;
    }

    private static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }
}
