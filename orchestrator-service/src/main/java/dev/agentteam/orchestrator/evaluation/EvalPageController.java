package dev.agentteam.orchestrator.evaluation;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/** The evaluation pages: every run with a solve-rate chart, and one run's tasks (refreshing while it runs). */
@Controller
class EvalPageController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EvalReports reports;

    EvalPageController(EvalReports reports) {
        this.reports = reports;
    }

    @GetMapping("/evals")
    String runs(Model model) {
        List<Map<String, Object>> runs = reports.runs();
        model.addAttribute("runs", runs);
        model.addAttribute("chartJson", json(Map.of("runs", runs)));
        return "evals";
    }

    @GetMapping("/evals/{id}")
    String run(@PathVariable long id, Model model) {
        Map<String, Object> report;
        try {
            report = reports.report(id);
        } catch (ErrorResponseException unknown) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no evaluation run " + id);
        }
        model.addAttribute("report", report);
        model.addAttribute("chartJson", json(Map.of("run", report)));
        return "eval-run";
    }

    /** Embedded in a script element: no "<" may close it early. */
    private static String json(Object value) {
        return JSON.writeValueAsString(value).replace("<", "\\u003c");
    }
}
