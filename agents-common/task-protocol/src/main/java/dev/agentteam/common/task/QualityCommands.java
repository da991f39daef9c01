package dev.agentteam.common.task;

import java.util.List;

/**
 * A repository's Definition-of-Done checks, each optional, as the {@code repository} object of a CI payload carries
 * them next to {@code test_command} (docs/adr/definition-of-done.md). Read with {@link TaskPayloads#read}.
 *
 * @param coverageThreshold the minimum line coverage in percent (null: any coverage the command reports passes)
 * @param requiredChecks    the checks ({@code lint}, {@code coverage}, {@code security}) the merge gate requires green
 */
public record QualityCommands(String lintCommand, String coverageCommand, Double coverageThreshold,
                              String securityCommand, List<String> requiredChecks) {

    public static final List<String> CHECKS = List.of("lint", "coverage", "security");

    public QualityCommands {
        lintCommand = blankToNull(lintCommand);
        coverageCommand = blankToNull(coverageCommand);
        securityCommand = blankToNull(securityCommand);
        requiredChecks = requiredChecks == null ? List.of() : List.copyOf(requiredChecks);
    }

    public static QualityCommands none() {
        return new QualityCommands(null, null, null, null, List.of());
    }

    /** The command of {@code check} (one of {@link #CHECKS}); null when the repository does not configure it. */
    public String command(String check) {
        return switch (check) {
            case "lint" -> lintCommand;
            case "coverage" -> coverageCommand;
            case "security" -> securityCommand;
            default -> throw new IllegalArgumentException("unknown check '" + check + "'");
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
