package dev.agentteam.orchestrator.security;

import dev.agentteam.orchestrator.user.UserAccounts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** /admin/users: list users, add a person or an agent identity, change a role, enable or disable. */
@Controller
@RequestMapping("/admin/users")
class AdminUserPages {

    private final UserAccounts accounts;
    private final UserManagement management;

    AdminUserPages(UserAccounts accounts, UserManagement management) {
        this.accounts = accounts;
        this.management = management;
    }

    @GetMapping
    String users(Model model) {
        model.addAttribute("users", accounts.list());
        return "admin/users";
    }

    @PostMapping
    String create(@RequestParam(name = "username", defaultValue = "") String username,
            @RequestParam(name = "name", required = false) String name,
            @RequestParam(name = "email", required = false) String email,
            @RequestParam(name = "role", defaultValue = "viewer") String role,
            @RequestParam(name = "kind", defaultValue = "human") String kind,
            @RequestParam(name = "password", required = false) String password, RedirectAttributes redirect) {
        if (!username.matches("[A-Za-z0-9._@-]{1,64}")) {
            redirect.addFlashAttribute("problem", "Username: use 1 to 64 letters, digits, . _ @ or -.");
            return "redirect:/admin/users";
        }
        try {
            var user = management.create(new UserForm(username, name, email, role, kind, password));
            redirect.addFlashAttribute("notice", "User '" + user.username() + "' created.");
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("problem", e.getBody().getDetail());
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/{id}")
    String update(@PathVariable("id") long id, @RequestParam(name = "role", required = false) String role,
            @RequestParam(name = "enabled", required = false) Boolean enabled, RedirectAttributes redirect) {
        try {
            var user = management.update(id, role, enabled);
            redirect.addFlashAttribute("notice", "User '" + user.name() + "' updated.");
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("problem", e.getBody().getDetail());
        }
        return "redirect:/admin/users";
    }
}
