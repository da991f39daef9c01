package dev.agentteam.common.task;

import java.util.List;

/**
 * The repository a code task works on, as every such payload carries it ({@code repository}), with the
 * Definition-of-Done commands the CI payloads add next to {@code test_command} (see {@link #quality()}).
 */
public record RepositoryTarget(Long id, String name, String cloneUrl, String forge, String fullName, String defaultBranch,
                               String testCommand, String lintCommand, String coverageCommand, Double coverageThreshold,
                               String securityCommand, List<String> requiredChecks) {

    /** A repository without quality commands. */
    public RepositoryTarget(Long id, String name, String cloneUrl, String forge, String fullName, String defaultBranch,
                            String testCommand) {
        this(id, name, cloneUrl, forge, fullName, defaultBranch, testCommand, null, null, null, null, null);
    }

    /** The quality commands it registered (none when the payload carries none). */
    public QualityCommands quality() {
        return new QualityCommands(lintCommand, coverageCommand, coverageThreshold, securityCommand, requiredChecks);
    }

    /** The forge a payload means when it names none. */
    public static final String DEFAULT_FORGE = "embedded";

    /** The forge it lives on, {@value #DEFAULT_FORGE} when the payload names none. */
    public String forgeOrDefault() {
        return forge == null || forge.isBlank() ? DEFAULT_FORGE : forge.strip();
    }

    /** @throws InvalidPayloadException when what a checkout and its test run need (clone_url, test_command) is missing */
    public RepositoryTarget requireCheckout(String field) {
        TaskPayloads.required(cloneUrl, field + ".clone_url");
        TaskPayloads.required(testCommand, field + ".test_command");
        return this;
    }

    /** @throws InvalidPayloadException when the fields every forge access needs are missing */
    public RepositoryTarget requireForge(String field) {
        TaskPayloads.required(fullName, field + ".full_name");
        TaskPayloads.required(cloneUrl, field + ".clone_url");
        return this;
    }
}
