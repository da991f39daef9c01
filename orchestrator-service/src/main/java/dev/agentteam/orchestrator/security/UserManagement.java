package dev.agentteam.orchestrator.security;

import java.nio.charset.StandardCharsets;

import dev.agentteam.orchestrator.api.ApiProblems;
import dev.agentteam.orchestrator.user.NewUser;
import dev.agentteam.orchestrator.user.UserAccounts;
import dev.agentteam.orchestrator.user.UserView;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.util.Set;

/** Creating and changing users, shared by the API and the admin page. */
@Service
class UserManagement {

    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD_BYTES = 72;
    private static final Set<String> ROLES = Set.of("viewer", "approver", "admin");

    private final UserAccounts accounts;
    private final PasswordEncoder encoder;

    UserManagement(UserAccounts accounts, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.encoder = encoder;
    }

    UserView create(UserForm form) {
        String kind = form.kind() == null || form.kind().isBlank() ? "human" : form.kind();
        if (!ROLES.contains(form.role())) {
            throw ApiProblems.badRequest("role: must be viewer, approver or admin, got '" + form.role() + "'.");
        }
        if (!"human".equals(kind) && !"agent".equals(kind)) {
            throw ApiProblems.badRequest("kind: must be human or agent, got '" + kind + "'.");
        }
        boolean hasPassword = form.password() != null && !form.password().isEmpty();
        if ("agent".equals(kind) && hasPassword) {
            throw ApiProblems.badRequest("password: agent identities sign in with API tokens only; leave it out.");
        }
        if ("human".equals(kind) && (!hasPassword || form.password().length() < MIN_PASSWORD)) {
            throw ApiProblems.badRequest("password: a person needs a password of at least " + MIN_PASSWORD
                    + " characters.");
        }
        if (hasPassword && form.password().getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw ApiProblems.badRequest("password: at most " + MAX_PASSWORD_BYTES + " bytes (UTF-8); bcrypt ignores "
                    + "anything longer.");
        }
        String name = form.name() == null || form.name().isBlank() ? form.username().strip() : form.name().strip();
        String email = form.email() == null || form.email().isBlank() ? null : form.email().strip();
        return accounts.create(new NewUser(form.username(), name, email, form.role(), kind,
                hasPassword ? encoder.encode(form.password()) : null));
    }

    UserView update(long id, String role, Boolean enabled) {
        if (role != null && !ROLES.contains(role)) {
            throw ApiProblems.badRequest("role: must be viewer, approver or admin, got '" + role + "'.");
        }
        if (id == 1 && (Boolean.FALSE.equals(enabled) || (role != null && !"admin".equals(role)))) {
            throw ApiProblems.conflict("User 1 is the first administrator; it stays an enabled admin.");
        }
        return accounts.update(id, role, enabled);
    }
}
