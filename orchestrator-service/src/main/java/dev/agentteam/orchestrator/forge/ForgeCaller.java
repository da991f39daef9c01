package dev.agentteam.orchestrator.forge;

/** Who presented a valid forge token: an agent (feature branches only) or the admin (merge gate, operator). */
public enum ForgeCaller {
    AGENT, ADMIN;

    /** The request attribute the authentication filter sets for the git servlet and the forge API. */
    public static final String ATTRIBUTE = "dev.agentteam.orchestrator.forge.ForgeCaller";

    private static final String AGENT_PREFIX = "feature/";

    /**
     * Agents may create and push only {@code feature/*} branches: the default branch changes only through the
     * merge a person approves. The admin is not restricted.
     */
    public boolean mayUpdateBranch(String branch) {
        return this == ADMIN || branch.startsWith(AGENT_PREFIX) && branch.length() > AGENT_PREFIX.length();
    }
}
