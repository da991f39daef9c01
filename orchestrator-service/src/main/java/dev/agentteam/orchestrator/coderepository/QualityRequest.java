package dev.agentteam.orchestrator.coderepository;

import java.util.ArrayList;
import java.util.List;

import dev.agentteam.common.task.QualityCommands;
import dev.agentteam.orchestrator.api.ApiProblems;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A repository's Definition-of-Done checks as the API takes them (on registration, or replaced later), and as the
 * repository page's form sends them (validated the same way).
 */
public record QualityRequest(
        @Schema(example = "python3 scripts/lint.py", description = "Lint; exit 0 passes")
        @Size(max = 1000) @Pattern(regexp = "[^\\x00]*", message = "must not contain NUL (\\u0000) characters")
        String lintCommand,
        @Schema(example = "python3 scripts/coverage.py", description = "Prints the line coverage as a percentage (the last one printed counts)")
        @Size(max = 1000) @Pattern(regexp = "[^\\x00]*", message = "must not contain NUL (\\u0000) characters")
        String coverageCommand,
        @Schema(example = "80", description = "Minimum coverage in percent, 0-100")
        Double coverageThreshold,
        @Schema(example = "python3 scripts/security_scan.py", description = "Dependency/security scan; exit 0 passes")
        @Size(max = 1000) @Pattern(regexp = "[^\\x00]*", message = "must not contain NUL (\\u0000) characters")
        String securityCommand,
        @Schema(example = "[\"lint\"]", description = "Checks the merge gate requires green: lint, coverage, security")
        List<String> requiredChecks) {

    boolean empty() {
        return lintCommand == null && coverageCommand == null && coverageThreshold == null && securityCommand == null
                && (requiredChecks == null || requiredChecks.isEmpty());
    }

    /** The checks, validated: 400 for a threshold outside 0-100, an unknown check, or a required check not configured. */
    public QualityCommands toCommands() {
        if (coverageThreshold != null && (coverageThreshold.isNaN() || coverageThreshold < 0 || coverageThreshold > 100)) {
            throw ApiProblems.badRequest("coverage_threshold must be a percentage between 0 and 100.");
        }
        QualityCommands commands = new QualityCommands(lintCommand, coverageCommand, coverageThreshold, securityCommand,
                List.of());
        if (coverageThreshold != null && commands.coverageCommand() == null) {
            throw ApiProblems.badRequest("coverage_threshold needs a coverage_command that prints the coverage.");
        }
        List<String> required = new ArrayList<>();
        for (String check : requiredChecks == null ? List.<String>of() : requiredChecks) {
            if (check == null || !QualityCommands.CHECKS.contains(check)) {
                throw ApiProblems.badRequest("required_checks may name only lint, coverage and security, not '" + check + "'.");
            }
            if (commands.command(check) == null) {
                throw ApiProblems.badRequest("required_checks names " + check + " but no " + check + "_command is set.");
            }
            if (!required.contains(check)) {
                required.add(check);
            }
        }
        return new QualityCommands(commands.lintCommand(), commands.coverageCommand(), coverageThreshold,
                commands.securityCommand(), required);
    }
}
