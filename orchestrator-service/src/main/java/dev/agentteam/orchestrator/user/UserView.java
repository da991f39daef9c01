package dev.agentteam.orchestrator.user;

/**
 * A user as other features see it; {@code role} is viewer, approver or admin; {@code kind} human or agent;
 * {@code username} is the login name (null for identities that never log in with a password).
 */
public record UserView(long id, String name, String email, String role, String kind, boolean enabled,
        String username) {

    public boolean human() {
        return "human".equals(kind);
    }
}
