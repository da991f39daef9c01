package dev.agentteam.orchestrator.forge;

/** Who presented a valid forge token: an agent (feature branches only) or the admin (merge gate, operator). */
public enum ForgeCaller {
    AGENT, ADMIN;

    /** The request attribute the authentication filter sets for the git servlet and the forge API. */
    public static final String ATTRIBUTE = ForgeCaller.class.getName();
}
