package dev.agentteam.orchestrator.mergegate;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pull request page's Approve / Reject / Merge forms (session and CSRF token): the same {@link MergeGate} as
 * the API, then back to the page with what happened or why it was refused.
 */
@Controller
@RequestMapping("/pull-requests/{id}")
class MergeGatePages {

    private final MergeGate gate;
    private final Callers callers;

    MergeGatePages(MergeGate gate, Callers callers) {
        this.gate = gate;
        this.callers = callers;
    }

    @PostMapping("/approve")
    String approve(@PathVariable("id") long id, @RequestParam(name = "comment", required = false) String comment,
            Authentication authentication, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            gate.approve(id, callers.of(authentication), blankToNull(comment));
            return "Approved.";
        });
    }

    @PostMapping("/reject")
    String reject(@PathVariable("id") long id, @RequestParam(name = "comment", required = false) String comment,
            Authentication authentication, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            gate.reject(id, callers.of(authentication), blankToNull(comment));
            return "Rejected.";
        });
    }

    @PostMapping("/merge")
    String merge(@PathVariable("id") long id, Authentication authentication, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            gate.merge(id, callers.of(authentication), null);
            return "Merged.";
        });
    }

    private String act(long id, RedirectAttributes redirect, java.util.function.Supplier<String> action) {
        try {
            redirect.addFlashAttribute("notice", action.get());
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("problem", e.getBody().getDetail());
        }
        return "redirect:/pull-requests/" + id;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
