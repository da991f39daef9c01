package dev.agentteam.orchestrator.retrieval;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Which rankings a search fuses: both (the default), or one of them alone (for comparison). */
public enum SearchMode {
    HYBRID, VECTOR, TEXT;

    public static Optional<SearchMode> byKey(String key) {
        return Arrays.stream(values()).filter(m -> m.name().equalsIgnoreCase(key.strip())).findFirst();
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
