package dev.agentteam.dev;

import dev.agentteam.common.sandbox.Sandbox;
import dev.agentteam.common.sandbox.SandboxResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Runs a repository's test command on its checkout in the {@link Sandbox} (never on the host). */
final class TestRunner {

    private final Sandbox sandbox;
    private final Path workspace;
    private final String command;
    private final Duration timeout;

    TestRunner(Sandbox sandbox, Path workspace, String command, Duration timeout) {
        this.sandbox = sandbox;
        this.workspace = workspace;
        this.command = command;
        this.timeout = timeout;
    }

    Outcome run() {
        SandboxResult result = sandbox.run(workspace, List.of("/bin/sh", "-c", command), timeout);
        return new Outcome(command, result.exitCode(), result.timedOut(), result.output(), result.duration());
    }

    /** One test run: exit code, whether the time ran out, and the combined output. */
    record Outcome(String command, int exitCode, boolean timedOut, String output, Duration duration) {

        boolean passed() {
            return !timedOut && exitCode == 0;
        }

        String describe() {
            String verdict = timedOut ? "timed out after " + duration.toSeconds() + "s (killed)"
                    : "exit code " + exitCode + (exitCode == 0 ? " (tests pass)" : " (tests fail)");
            return "$ " + command + "\n" + verdict + "\n" + output;
        }

        /** The verdict and the last few non-blank lines of output (where test runners print their totals). */
        String summary() {
            List<String> lines = output.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
            String last = String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
            return (timedOut ? "timed out" : "exit " + exitCode) + (last.isEmpty() ? "" : ": " + last);
        }
    }
}
