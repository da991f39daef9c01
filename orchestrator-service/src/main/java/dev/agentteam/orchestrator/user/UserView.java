package dev.agentteam.orchestrator.user;

/** A user as other features see it; {@code role} is viewer, approver or admin; {@code kind} human or agent. */
public record UserView(long id, String name, String email, String role, String kind, boolean enabled) {
}
