package dev.agentteam.orchestrator.repository;

import java.nio.file.Path;

/**
 * A repository to register. For the embedded forge exactly one of {@code template} and {@code importPath} gives
 * the initial content; a GitHub repository is only registered ({@code fullName} names it).
 */
public record NewRepository(String name, ForgeType forge, String fullName, String defaultBranch, String testCommand,
        String template, Path importPath) {
}
