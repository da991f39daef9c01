package dev.agentteam.orchestrator.evaluation;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.agentteam.orchestrator.history.ChangedBy;
import dev.agentteam.orchestrator.security.Account;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Evaluation runs: start one over a suite, follow its progress, read its report (JSON or Markdown). */
@RestController
@RequestMapping("/api/evals")
@Tag(name = "Evaluations", description = "Benchmark suites run through the team, judged by held-out tests")
class EvalController {

    private final EvalRuns runs;
    private final EvalReports reports;

    EvalController(EvalRuns runs, EvalReports reports) {
        this.runs = runs;
        this.reports = reports;
    }

    /**
     * @param mode         {@code system} (default: review and CI rounds as in production) or {@code dev} (the Dev agent alone)
     * @param taskTimeout  ISO-8601 or Spring style ({@code 30m}); default {@code agentteam.eval.task-timeout}
     * @param tasks        only these task ids of the suite
     */
    record StartRequest(@NotBlank @Size(max = 200) String suite,
                        @Pattern(regexp = "system|dev", message = "must be system or dev") String mode,
                        @Min(1) @Max(16) Integer concurrency,
                        @JsonProperty("task_timeout") String taskTimeout,
                        @Size(max = 500) List<@NotBlank String> tasks,
                        @Size(max = 200) String label) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Start an evaluation run; answers at once with the run (status RUNNING), follow it with GET")
    Map<String, Object> start(@Valid @RequestBody StartRequest request, Authentication authentication) {
        long userId = Account.userOf(authentication).map(u -> u.id()).orElse(1L);
        long id = runs.start(new EvalRuns.Start(request.suite(), request.mode() == null ? "system" : request.mode(),
                request.concurrency() == null ? 1 : request.concurrency(), EvalRuns.taskTimeout(request.taskTimeout()), request.tasks(),
                request.label(), userId));
        return reports.report(id);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a running run",
            description = "No task of the run starts any more; its unfinished tasks end with the reason 'cancelled' and "
                    + "their stories are cancelled (a task an agent is working on finishes its attempt). Unknown run → 404; "
                    + "a run that is not RUNNING → 409.")
    Map<String, Object> cancel(@PathVariable long id, Authentication authentication) {
        runs.cancel(id, ChangedBy.person(Account.userOf(authentication).map(u -> u.id()).orElse(null),
                "cancelled evaluation run " + id));
        return reports.report(id);
    }

    @GetMapping
    @Operation(summary = "The latest 100 runs with their totals, newest first")
    List<Map<String, Object>> list() {
        return reports.runs();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A run's report: totals and one entry per task (progress while it runs)")
    Map<String, Object> report(@PathVariable long id) {
        return reports.report(id);
    }

    @GetMapping(value = "/{id}/report.md", produces = "text/markdown")
    @Operation(summary = "A run's report as Markdown")
    String markdown(@PathVariable long id) {
        return reports.markdown(reports.report(id));
    }
}
