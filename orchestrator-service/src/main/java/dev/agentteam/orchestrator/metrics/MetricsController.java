package dev.agentteam.orchestrator.metrics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Positive;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

@RestController
@Tag(name = "Metrics")
class MetricsController {

    private final SprintMetrics metrics;

    MetricsController(SprintMetrics metrics) {
        this.metrics = metrics;
    }

    @GetMapping(path = "/api/metrics", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(summary = "Team metrics", description = "Lead time (epic created → story done) and PR cycle time "
            + "(opened → merged) in hours with count/avg/p50/p90; stories and tasks by status; finished tasks by "
            + "outcome; model calls, tokens and cost per agent; CLARIFY rounds (count, questions, open); test pass rate "
            + "(runs and cases) and flaky-test rate, null while there are no test runs. Without sprint_id over "
            + "everything, with it over that sprint's stories (404 if unknown).")
    Map<String, Object> metrics(@Parameter(description = "Restrict to this sprint's stories")
                                @RequestParam(name = "sprint_id", required = false) @Positive Long sprintId) {
        return metrics.report(sprintId);
    }
}
