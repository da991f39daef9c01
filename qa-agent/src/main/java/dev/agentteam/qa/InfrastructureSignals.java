package dev.agentteam.qa;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Log and message patterns that mean the environment broke the run, not an assertion. */
final class InfrastructureSignals {

    private record Signal(String reason, Pattern pattern) {
    }

    private static final List<Signal> SIGNALS = List.of(
            new Signal("out of memory", Pattern.compile(
                    "OutOfMemoryError|MemoryError|Cannot allocate memory|std::bad_alloc|JavaScript heap out of memory|\\bOOM\\b|Killed\\s*$",
                    Pattern.MULTILINE)),
            new Signal("network unavailable", Pattern.compile(
                    "Could not resolve host|Temporary failure in name resolution|Name or service not known|Network is unreachable"
                            + "|Connection refused|UnknownHostException|ConnectException|Could not transfer artifact"
                            + "|Failed to establish a new connection|getaddrinfo")),
            new Signal("missing tool", Pattern.compile(
                    "command not found|: not found$|Cannot run program|executable file not found", Pattern.MULTILINE)),
            new Signal("timeout", Pattern.compile("TimeoutError|timed out|Timeout exceeded|DEADLINE_EXCEEDED")),
            new Signal("disk full", Pattern.compile("No space left on device|File size limit exceeded")));

    private InfrastructureSignals() {
    }

    /** The first infrastructure reason found in {@code text}. */
    static Optional<String> find(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return SIGNALS.stream().filter(s -> s.pattern().matcher(text).find()).map(Signal::reason).findFirst();
    }
}
