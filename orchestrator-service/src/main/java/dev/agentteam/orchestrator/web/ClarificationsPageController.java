package dev.agentteam.orchestrator.web;

import dev.agentteam.orchestrator.clarification.ClarificationStatus;
import dev.agentteam.orchestrator.clarification.ClarificationView;
import dev.agentteam.orchestrator.clarification.Clarifications;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Objects;

/** The inbox of questions agents asked; answering one resumes its task with the answers. */
@Controller
class ClarificationsPageController {

    static final int SHOWN = 50;
    /** Until people sign in (a later step), answers are recorded as given by the bootstrap admin. */
    private static final long ANSWERING_USER = 1L;

    private final Clarifications clarifications;

    ClarificationsPageController(Clarifications clarifications) {
        this.clarifications = clarifications;
    }

    @GetMapping("/clarifications")
    String inbox(Model model) {
        fill(model);
        return "clarifications";
    }

    @PostMapping("/clarifications/{id}/answer")
    String answer(@PathVariable("id") long id, @RequestParam(name = "answers", required = false) List<String> answers,
                  Model model, RedirectAttributes redirect) {
        if (clarifications.find(id).isEmpty()) {
            throw new PageNotFoundException("clarification", id);
        }
        List<String> given = answers == null ? List.of() : answers;
        try {
            ClarificationView answered = clarifications.answer(id, given, ANSWERING_USER);
            redirect.addFlashAttribute("notice", "Thanks — task #" + answered.taskId() + " (" + answered.taskType()
                    + ") is queued again with your answers.");
            return "redirect:/clarifications";
        } catch (ErrorResponseException refused) {
            // The inbox again, this clarification's answers kept and the reason shown on its form.
            model.addAttribute("failedId", id);
            model.addAttribute("failedAnswers", given);
            model.addAttribute("failure", Objects.requireNonNullElse(refused.getBody().getDetail(), "The answer was refused."));
            fill(model);
            return "clarifications";
        }
    }

    private void fill(Model model) {
        var open = clarifications.list(ClarificationStatus.OPEN,
                PageRequest.of(0, SHOWN, Sort.by(Sort.Order.asc("askedAt"), Sort.Order.asc("id"))));
        var answered = clarifications.list(ClarificationStatus.ANSWERED,
                PageRequest.of(0, 10, Sort.by(Sort.Order.desc("answeredAt"), Sort.Order.desc("id"))));
        model.addAttribute("open", open.getContent());
        model.addAttribute("openTotal", open.getTotalElements());
        model.addAttribute("answered", answered.getContent());
    }
}
