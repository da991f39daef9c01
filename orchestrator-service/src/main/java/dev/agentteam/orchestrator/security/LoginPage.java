package dev.agentteam.orchestrator.security;

import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security handles the POST and puts the reason of a failure in the session. */
@Controller
class LoginPage {

    @GetMapping("/login")
    String login(@RequestParam(name = "logout", required = false) String logout, HttpSession session, Model model) {
        Object error = session.getAttribute(LoginAttempts.ERROR_ATTRIBUTE);
        Object username = session.getAttribute(LoginAttempts.USERNAME_ATTRIBUTE);
        session.removeAttribute(LoginAttempts.ERROR_ATTRIBUTE);
        session.removeAttribute(LoginAttempts.USERNAME_ATTRIBUTE);
        model.addAttribute("error", error);
        model.addAttribute("username", username == null ? "" : username);
        model.addAttribute("loggedOut", logout != null);
        return "login";
    }
}
