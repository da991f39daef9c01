package dev.agentteam.orchestrator.web;

import dev.agentteam.orchestrator.metrics.SprintMetrics;
import dev.agentteam.orchestrator.web.WebRows.SprintRow;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The metrics report drawn with ECharts, plus per-sprint trends from one report per recent sprint. */
@Controller
class MetricsPageController {

    /** How many of the latest sprints the trend charts cover. */
    static final int TREND_SPRINTS = 8;

    private final SprintMetrics metrics;
    private final WebQueries queries;
    private final Formats formats;

    MetricsPageController(SprintMetrics metrics, WebQueries queries, Formats formats) {
        this.metrics = metrics;
        this.queries = queries;
        this.formats = formats;
    }

    @GetMapping("/metrics")
    String metrics(@RequestParam(name = "sprint_id", required = false) Long sprintId, Model model) {
        Map<String, Object> report;
        try {
            report = new LinkedHashMap<>(metrics.report(sprintId));
        } catch (ErrorResponseException unknownSprint) {
            throw new PageNotFoundException("sprint", sprintId);
        }
        List<SprintRow> sprints = queries.sprints();
        report.put("per_sprint", trends(sprints));
        model.addAttribute("sprintId", sprintId);
        model.addAttribute("sprints", sprints);
        model.addAttribute("report", report);
        // Embedded in a script element: no "<" may close it early.
        model.addAttribute("reportJson", formats.toJson(report).replace("<", "\\u003c"));
        return "metrics";
    }

    /** Oldest first: the sprint's name with its CLARIFY rounds and test rates (null where nothing was measured). */
    private List<Map<String, Object>> trends(List<SprintRow> sprints) {
        List<SprintRow> recent = sprints.stream().sorted(Comparator.comparing(SprintRow::start).reversed())
                .limit(TREND_SPRINTS).sorted(Comparator.comparing(SprintRow::start)).toList();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SprintRow sprint : recent) {
            Map<String, Object> report = metrics.report(sprint.id());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("sprint", sprint.name());
            row.put("clarify_count", number(report.get("clarifications"), "count"));
            row.put("test_pass_rate", number(report.get("test_pass_rate"), "test_pass_rate"));
            row.put("flaky_test_rate", number(report.get("flaky_test_rate"), "rate"));
            rows.add(row);
        }
        return rows;
    }

    private static Object number(Object section, String field) {
        return section instanceof Map<?, ?> map ? map.get(field) : null;
    }
}
