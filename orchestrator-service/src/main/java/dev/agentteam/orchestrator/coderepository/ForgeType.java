package dev.agentteam.orchestrator.coderepository;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a repository lives. */
public enum ForgeType {
    EMBEDDED, GITHUB;

    @JsonValue
    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @JsonCreator
    public static ForgeType of(String value) {
        for (ForgeType type : values()) {
            if (type.value().equalsIgnoreCase(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown forge '" + value + "': expected embedded or github");
    }
}
