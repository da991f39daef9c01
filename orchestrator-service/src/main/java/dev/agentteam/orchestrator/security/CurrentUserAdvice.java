package dev.agentteam.orchestrator.security;

import dev.agentteam.orchestrator.user.UserView;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page knows who is signed in ({@code currentUser}, null when nobody), for the top bar. */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

    @ModelAttribute("currentUser")
    UserView currentUser(Authentication authentication) {
        return Account.userOf(authentication).orElse(null);
    }
}
