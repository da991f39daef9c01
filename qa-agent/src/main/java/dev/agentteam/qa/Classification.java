package dev.agentteam.qa;

import java.util.Locale;

/** What a failure is, decided from the rerun and the log (the model only explains it). */
enum Classification {
    /** Failed again on the same commit: the change or the code is wrong. */
    REGRESSION,
    /** Passed on the rerun of the same commit. */
    FLAKY,
    /** Broken by the environment: timeout, memory, network, a missing tool. */
    INFRASTRUCTURE;

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
