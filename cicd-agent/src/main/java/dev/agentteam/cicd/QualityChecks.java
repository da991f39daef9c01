package dev.agentteam.cicd;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import dev.agentteam.common.codehost.CiState;
import dev.agentteam.common.sandbox.Sandbox;
import dev.agentteam.common.sandbox.SandboxResult;
import dev.agentteam.common.task.QualityCommands;
import dev.agentteam.common.task.TextCut;

/**
 * Runs a repository's Definition-of-Done checks (lint, coverage with its threshold, security scan) in the sandbox
 * after the tests; a check the repository does not configure is not run and reports nothing.
 */
@Component
class QualityChecks {

    /** The last percentage the command printed ({@code coverage: 87%}, coverage.py's {@code TOTAL … 87%}). */
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3}(?:\\.\\d+)?)\\s*%");

    private final Sandbox sandbox;
    private final CicdAgentProperties properties;

    QualityChecks(Sandbox sandbox, CicdAgentProperties properties) {
        this.sandbox = sandbox;
        this.properties = properties;
    }

    /** One check's outcome: the commit status it reports under {@code agent-team/<check>}. */
    record Outcome(String check, String command, CiState state, String description, int exitCode, Double percent,
                   String logTail) {

        String context() {
            return "agent-team/" + check;
        }
    }

    List<Outcome> run(Path workspace, QualityCommands commands) {
        List<Outcome> outcomes = new ArrayList<>();
        for (String check : QualityCommands.CHECKS) {
            String command = commands.command(check);
            if (command != null) {
                SandboxResult result = sandbox.run(workspace, List.of("/bin/sh", "-c", command), properties.testTimeout());
                outcomes.add(judge(check, command, result, commands.coverageThreshold()));
            }
        }
        return outcomes;
    }

    private Outcome judge(String check, String command, SandboxResult result, Double threshold) {
        String tail = TextCut.tail(result.output(), properties.logTail());
        if (result.timedOut()) {
            return new Outcome(check, command, CiState.FAILURE, "timed out after " + result.duration().toSeconds() + "s",
                    result.exitCode(), null, tail);
        }
        if (!"coverage".equals(check)) {
            return new Outcome(check, command, result.exitCode() == 0 ? CiState.SUCCESS : CiState.FAILURE,
                    result.exitCode() == 0 ? "`" + command + "` passed" : "`" + command + "` failed (exit " + result.exitCode() + ")",
                    result.exitCode(), null, tail);
        }
        Double percent = percent(result.output());
        if (result.exitCode() != 0 || percent == null) {
            return new Outcome(check, command, CiState.FAILURE, result.exitCode() != 0
                    ? "`" + command + "` failed (exit " + result.exitCode() + ")"
                    : "no coverage percentage in the output of `" + command + "`", result.exitCode(), percent, tail);
        }
        boolean enough = threshold == null || percent >= threshold;
        String measured = format(percent) + "%" + (threshold == null ? "" : (enough ? " ≥ " : " < ") + format(threshold) + "%");
        return new Outcome(check, command, enough ? CiState.SUCCESS : CiState.FAILURE, "coverage " + measured,
                result.exitCode(), percent, tail);
    }

    static Double percent(String output) {
        Matcher matcher = PERCENT.matcher(output);
        Double last = null;
        while (matcher.find()) {
            double value = Double.parseDouble(matcher.group(1));
            if (value <= 100) {
                last = value;
            }
        }
        return last;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
