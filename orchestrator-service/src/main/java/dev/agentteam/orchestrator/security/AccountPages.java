package dev.agentteam.orchestrator.security;

import dev.agentteam.orchestrator.user.UserView;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Instant;

/** /account/tokens: a person's API tokens — list, create (the token is shown once), revoke. */
@Controller
@RequestMapping("/account/tokens")
class AccountPages {

    private final ApiTokens tokens;

    AccountPages(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    String tokens(Authentication authentication, Model model) {
        UserView user = TokenController.caller(authentication);
        model.addAttribute("user", user);
        model.addAttribute("tokens", tokens.list(user.id()));
        model.addAttribute("now", Instant.now());
        return "account/tokens";
    }

    @PostMapping
    String create(@RequestParam(name = "name", defaultValue = "") String name, Authentication authentication,
            RedirectAttributes redirect) {
        try {
            CreatedToken created = tokens.create(TokenController.caller(authentication).id(), name, null);
            // A flash attribute lives for the next request only: the token is on one page view, then gone.
            redirect.addFlashAttribute("createdToken", created.token());
            redirect.addFlashAttribute("notice", "Token '" + created.details().name() + "' created.");
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("problem", e.getBody().getDetail());
        }
        return "redirect:/account/tokens";
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable("id") long id, Authentication authentication, RedirectAttributes redirect) {
        try {
            ApiTokenView revoked = tokens.revoke(TokenController.caller(authentication).id(), id);
            redirect.addFlashAttribute("notice", "Token '" + revoked.name() + "' revoked.");
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("problem", e.getBody().getDetail());
        }
        return "redirect:/account/tokens";
    }
}
