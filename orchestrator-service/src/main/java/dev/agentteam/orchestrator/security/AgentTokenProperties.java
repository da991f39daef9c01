package dev.agentteam.orchestrator.security;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The agents' orchestrator tokens ({@code agentteam.security.agents.tokens.<role>}: env
 * {@code AGENTTEAM_AGENT_TOKEN_DEV} and so on, or the Docker secret mounted under that name). An agent presents its
 * role's token for one thing only: fetching the forge credential of a task it has claimed (docs/adr/forge-trust.md).
 * Blank values are ignored, so an unset variable means "no agent of that role".
 *
 * @param tokens role key ({@code dev}, {@code qa}, {@code review}, {@code cicd}) to that agent's token
 */
@ConfigurationProperties("agentteam.security.agents")
record AgentTokenProperties(Map<String, String> tokens) {

    /** Long enough that guessing is hopeless; run-local.sh and bootstrap.sh make 64 hex characters. */
    static final int MIN_LENGTH = 32;

    AgentTokenProperties {
        Map<String, String> configured = new TreeMap<>();
        if (tokens != null) {
            tokens.forEach((role, token) -> {
                if (token == null || token.isBlank()) {
                    return;
                }
                if (!role.matches("[a-z]+")) {
                    throw new IllegalArgumentException("agentteam.security.agents.tokens: '" + role
                            + "' is not an agent role key (dev, qa, review, cicd, ...)");
                }
                if (token.strip().length() < MIN_LENGTH) {
                    throw new IllegalArgumentException("agentteam.security.agents.tokens." + role + " must be at least "
                            + MIN_LENGTH + " characters long");
                }
                configured.put(role, token.strip());
            });
        }
        tokens = Map.copyOf(configured);
    }

    @Override
    public String toString() {
        // The tokens never reach a log line, not even through a settings dump.
        return "AgentTokenProperties[roles=" + tokens.keySet() + "]";
    }
}
