package dev.agentteam.orchestrator.user;

/** A user to create. {@code passwordHash} is already encoded (bcrypt) or null for no password login. */
public record NewUser(String username, String name, String email, String role, String kind, String passwordHash) {
}
