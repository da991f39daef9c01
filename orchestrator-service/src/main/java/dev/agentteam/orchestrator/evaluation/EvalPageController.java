package dev.agentteam.orchestrator.evaluation;

import dev.agentteam.orchestrator.history.ChangedBy;
import dev.agentteam.orchestrator.security.Account;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The evaluation pages: every run with a solve-rate chart and a form to start one, and one run's tasks (refreshing
 * while it runs) with a button to cancel it. Form errors come back as the API's problem detail, above the form.
 */
@Controller
class EvalPageController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EvalReports reports;
    private final EvalRuns runs;
    private final EvalSuites suites;

    EvalPageController(EvalReports reports, EvalRuns runs, EvalSuites suites) {
        this.reports = reports;
        this.runs = runs;
        this.suites = suites;
    }

    @GetMapping("/evals")
    String runs(Model model) {
        List<Map<String, Object>> runs = reports.runs();
        model.addAttribute("runs", runs);
        model.addAttribute("suites", suites.names());
        model.addAttribute("chartJson", json(Map.of("runs", runs)));
        return "evals";
    }

    @PostMapping("/evals")
    String start(@RequestParam("suite") String suite, @RequestParam(value = "mode", defaultValue = "system") String mode,
                 @RequestParam(value = "concurrency", defaultValue = "1") String concurrency,
                 @RequestParam(value = "tasks", defaultValue = "") String tasks,
                 @RequestParam(value = "task_timeout", defaultValue = "") String timeout,
                 @RequestParam(value = "label", defaultValue = "") String label,
                 Authentication caller, RedirectAttributes redirect) {
        try {
            int parallel = parallelTasks(concurrency);
            if (!mode.equals("system") && !mode.equals("dev")) {
                throw new IllegalArgumentException("The mode must be 'system' or 'dev'.");
            }
            List<String> ids = Arrays.stream(tasks.split("[,\\s]+")).filter(id -> !id.isBlank()).toList();
            long id = runs.start(new EvalRuns.Start(suite.strip(), mode, parallel, EvalRuns.taskTimeout(timeout), ids,
                    label.isBlank() ? null : label.strip(), Account.userOf(caller).map(u -> u.id()).orElse(1L)));
            redirect.addFlashAttribute("notice", "Evaluation run #" + id + " started.");
            return "redirect:/evals/" + id;
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("problem", e.getBody().getDetail());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/evals";
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

    @PostMapping("/evals/{id}/cancel")
    String cancel(@PathVariable long id, Authentication caller, RedirectAttributes redirect) {
        try {
            runs.cancel(id, ChangedBy.person(Account.userOf(caller).map(u -> u.id()).orElse(null),
                    "cancelled evaluation run " + id));
            redirect.addFlashAttribute("notice", "Evaluation run #" + id + " is cancelled; tasks an agent is working on "
                    + "finish their attempt.");
        } catch (ErrorResponseException e) {
            if (e.getStatusCode().value() == 404) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no evaluation run " + id);
            }
            redirect.addFlashAttribute("problem", e.getBody().getDetail());
        }
        return "redirect:/evals/" + id;
    }

    private static int parallelTasks(String text) {
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 1 && n <= 16) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("Tasks at a time must be a whole number from 1 to 16.");
    }

    /** Embedded in a script element: no "<" may close it early. */
    private static String json(Object value) {
        return JSON.writeValueAsString(value).replace("<", "\\u003c");
    }
}
