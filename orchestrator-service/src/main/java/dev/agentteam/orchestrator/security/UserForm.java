package dev.agentteam.orchestrator.security;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new user, from the API or the admin page. People need a password; agents must not have one. */
record UserForm(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{1,64}", message = "use 1 to 64 letters, digits, . _ @ or -")
        String username,
        @Size(max = 200) String name,
        @Email @Size(max = 200) String email,
        @NotBlank @Pattern(regexp = "viewer|approver|admin", message = "must be viewer, approver or admin") String role,
        @Pattern(regexp = "human|agent", message = "must be human or agent") String kind,
        @Size(max = 200) String password) {
}
