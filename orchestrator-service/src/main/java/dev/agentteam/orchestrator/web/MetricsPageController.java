package dev.agentteam.orchestrator.web;

import dev.agentteam.orchestrator.audit.AuditTrail;
import dev.agentteam.orchestrator.metrics.SprintMetrics;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.Map;

/** The metrics report (and model spend per agent from the audit trail) drawn with ECharts. */
@Controller
class MetricsPageController {

    private final SprintMetrics metrics;
    private final AuditTrail audit;
    private final WebQueries queries;
    private final Formats formats;

    MetricsPageController(SprintMetrics metrics, AuditTrail audit, WebQueries queries, Formats formats) {
        this.metrics = metrics;
        this.audit = audit;
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
        report.put("usage_by_agent", audit.usageByAgent());
        model.addAttribute("sprintId", sprintId);
        model.addAttribute("sprints", queries.sprints());
        model.addAttribute("report", report);
        // Embedded in a script element: no "<" may close it early.
        model.addAttribute("reportJson", formats.toJson(report).replace("<", "\\u003c"));
        return "metrics";
    }
}
