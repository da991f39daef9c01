package dev.agentteam.orchestrator.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import dev.agentteam.common.task.QualityCommands;
import dev.agentteam.orchestrator.coderepository.QualityRequest;
import dev.agentteam.orchestrator.coderepository.Repositories;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The repository page's form for its Definition-of-Done checks: the same request, validation and admin-only rule as
 * {@code PUT /api/repositories/{id}/quality}; a refusal comes back to the page as a readable message.
 */
@Controller
class RepositoryQualityForm {

    private final Repositories repositories;
    private final Validator validator;

    RepositoryQualityForm(Repositories repositories, Validator validator) {
        this.repositories = repositories;
        this.validator = validator;
    }

    @PostMapping("/repositories/{id}/quality")
    String update(@PathVariable("id") long id,
                  @RequestParam(name = "lint_command", required = false) String lint,
                  @RequestParam(name = "coverage_command", required = false) String coverage,
                  @RequestParam(name = "coverage_threshold", required = false) String threshold,
                  @RequestParam(name = "security_command", required = false) String security,
                  @RequestParam(name = "required_checks", required = false) List<String> required,
                  RedirectAttributes redirect) {
        repositories.find(id).orElseThrow(() -> new PageNotFoundException("repository", id));
        Double percent;
        try {
            percent = threshold == null || threshold.isBlank() ? null : Double.valueOf(threshold.strip());
        } catch (NumberFormatException e) {
            return refused(id, "coverage_threshold must be a number between 0 and 100, not '" + threshold.strip() + "'.", redirect);
        }
        try {
            QualityRequest request = new QualityRequest(lint, coverage, percent, security,
                    required == null ? List.of() : new ArrayList<>(required));
            String invalid = validator.validate(request).stream()
                    .map(violation -> field(violation) + " " + violation.getMessage()).sorted()
                    .collect(Collectors.joining("; "));
            if (!invalid.isEmpty()) {
                return refused(id, invalid + ".", redirect);
            }
            QualityCommands saved = repositories.updateQuality(id, request.toCommands()).quality();
            redirect.addFlashAttribute("notice", "Saved: the next CI run uses these checks"
                    + (saved.requiredChecks().isEmpty() ? "." : "; the merge gate requires "
                    + String.join(", ", saved.requiredChecks()) + " green."));
        } catch (ErrorResponseException refusal) {
            return refused(id, Objects.requireNonNullElse(refusal.getBody().getDetail(), "the request was refused."), redirect);
        }
        return "redirect:/repositories/" + id + "#quality";
    }

    private static String refused(long id, String why, RedirectAttributes redirect) {
        redirect.addFlashAttribute("problem", "The checks were not saved: " + why);
        return "redirect:/repositories/" + id + "#quality";
    }

    private static String field(ConstraintViolation<QualityRequest> violation) {
        return violation.getPropertyPath().toString().replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }
}
