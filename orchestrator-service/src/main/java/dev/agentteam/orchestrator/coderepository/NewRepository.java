package dev.agentteam.orchestrator.coderepository;

import java.nio.file.Path;

import dev.agentteam.common.task.QualityCommands;

/**
 * A repository to register. For the embedded forge exactly one of {@code template} and {@code importPath} gives
 * the initial content; a GitHub repository is only registered ({@code fullName} names it). {@code quality} holds the
 * Definition-of-Done checks the CI/CD agent runs after the tests (none when null).
 */
public record NewRepository(String name, ForgeType forge, String fullName, String defaultBranch, String testCommand,
        String template, Path importPath, QualityCommands quality) {

    public NewRepository {
        quality = quality == null ? QualityCommands.none() : quality;
    }

    public NewRepository(String name, ForgeType forge, String fullName, String defaultBranch, String testCommand,
            String template, Path importPath) {
        this(name, forge, fullName, defaultBranch, testCommand, template, importPath, null);
    }
}
