package dev.agentteam.common.task;

import java.util.Locale;

/** The roles of the team. Each role has its own pending queue and its own worker application. */
public enum AgentRole {
    PO, SCRUM, DEV, QA, REVIEW, CICD;

    /** The lower-case name used in queue keys, task types and settings (e.g. {@code po}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a role key such as {@code dev} or {@code DEV}; unknown names are an {@link IllegalArgumentException}. */
    public static AgentRole fromKey(String key) {
        for (AgentRole role : values()) {
            if (role.key().equalsIgnoreCase(key == null ? "" : key.trim())) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown agent role '" + key + "'; expected one of po, scrum, dev, qa, review, cicd");
    }
}
