package dev.agentteam.orchestrator.coderepository;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.agentteam.common.task.QualityCommands;
import dev.agentteam.common.task.RepositoryTarget;

/**
 * A repository as other features and API clients see it.
 *
 * @param fullName  {@code owner/name} on its forge (the embedded forge's owner for embedded repositories)
 * @param cloneUrl  HTTPS (or HTTP) clone URL; embedded ones need a forge token as the Basic password
 * @param quality   the Definition-of-Done checks (lint, coverage, security) and which the merge gate requires
 */
public record RepositoryView(long id, String name, ForgeType forge, String fullName, String cloneUrl,
        String defaultBranch, String testCommand, Instant createdAt, @JsonUnwrapped QualityCommands quality) {

    /**
     * What an agent's task payload carries under {@code repository} so the agent can pick its code host
     * ({@code CodeHosts} in agents-common) and clone: id, name, forge, full_name, clone_url, default_branch,
     * test_command and the quality commands (lint_command, coverage_command, coverage_threshold, security_command,
     * required_checks; absent ones left out).
     */
    public RepositoryTarget taskTarget() {
        return new RepositoryTarget(id, name, cloneUrl, forge.value(), fullName, defaultBranch, testCommand,
                quality.lintCommand(), quality.coverageCommand(), quality.coverageThreshold(), quality.securityCommand(),
                quality.requiredChecks());
    }
}
