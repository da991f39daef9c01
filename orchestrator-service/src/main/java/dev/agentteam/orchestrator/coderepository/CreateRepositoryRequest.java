package dev.agentteam.orchestrator.coderepository;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

import dev.agentteam.common.task.QualityCommands;

import dev.agentteam.orchestrator.api.ApiProblems;
import dev.agentteam.orchestrator.forge.ForgeStorage;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.jgit.lib.Repository;

record CreateRepositoryRequest(
        @Schema(example = "demo", description = "Letters, digits, '.', '_', '-'; at most 100; the URL is /git/<name>.git")
        @NotBlank String name,
        @Schema(example = "python3 -m unittest discover -s tests -v", description = "Runs the tests; a template supplies one")
        @Size(max = 1000, message = "must be at most 1000 characters") @Pattern(regexp = "[^\\x00]*", message = "must not contain NUL (\\u0000) characters")
        String testCommand,
        @Schema(example = "main", defaultValue = "main") String defaultBranch,
        @Schema(example = "embedded", allowableValues = {"embedded", "github"}, defaultValue = "embedded") String forge,
        @Schema(example = "acme/shop", description = "owner/name on GitHub (forge github only)") String fullName,
        @Valid Source source,
        @Schema(description = "Lint command (optional; a template supplies one)") @Size(max = 1000) String lintCommand,
        @Schema(description = "Coverage command printing a percentage (optional)") @Size(max = 1000) String coverageCommand,
        @Schema(example = "80", description = "Minimum coverage in percent (optional)") Double coverageThreshold,
        @Schema(description = "Dependency/security scan command (optional)") @Size(max = 1000) String securityCommand,
        @Schema(example = "[\"lint\"]", description = "Checks the merge gate requires green") List<String> requiredChecks) {

    @Schema(name = "RepositorySource", description = "The initial content of an embedded repository")
    record Source(
            @Schema(allowableValues = {"template", "path"}) @NotBlank String type,
            @Schema(example = "demo-python") String template,
            @Schema(example = "/srv/projects/shop", description = "A local git repository (all branches are imported) "
                    + "or a plain directory (one initial commit)") String path) {
    }

    NewRepository toCommand(Repositories repositories) {
        if (!ForgeStorage.isValidName(name)) {
            throw ApiProblems.badRequest("name '" + name + "' is not a valid repository name: use letters, digits, "
                    + "'.', '_' and '-' (at most 100, starting with a letter or digit, not ending in .git).");
        }
        ForgeType type;
        try {
            type = forge == null || forge.isBlank() ? ForgeType.EMBEDDED : ForgeType.of(forge);
        } catch (IllegalArgumentException e) {
            throw ApiProblems.badRequest(e.getMessage() + ".");
        }
        String branch = defaultBranch == null || defaultBranch.isBlank() ? "main" : defaultBranch.strip();
        if (!Repository.isValidRefName("refs/heads/" + branch)) {
            throw ApiProblems.badRequest("default_branch '" + branch + "' is not a valid branch name.");
        }
        return type == ForgeType.GITHUB ? github(branch) : embedded(branch, repositories);
    }

    private NewRepository github(String branch) {
        if (fullName == null || !fullName.matches("[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}")) {
            throw ApiProblems.badRequest("full_name must be owner/name for a GitHub repository.");
        }
        if (source != null) {
            throw ApiProblems.badRequest("source applies only to embedded repositories; a GitHub repository already has its code.");
        }
        return new NewRepository(name, ForgeType.GITHUB, fullName, branch, requiredTestCommand(null), null, null,
                quality(null));
    }

    private NewRepository embedded(String branch, Repositories repositories) {
        if (fullName != null) {
            throw ApiProblems.badRequest("full_name applies only to GitHub repositories.");
        }
        if (source == null) {
            throw ApiProblems.badRequest("source is required for an embedded repository: {\"type\": \"template\", "
                    + "\"template\": \"demo-python\"} or {\"type\": \"path\", \"path\": \"/abs/path\"}.");
        }
        return switch (source.type()) {
            case "template" -> {
                if (source.template() == null || source.template().isBlank()) {
                    throw ApiProblems.badRequest("source.template is required when source.type is template.");
                }
                String templateCommand = repositories.templateTestCommand(source.template());
                yield new NewRepository(name, ForgeType.EMBEDDED, null, branch, requiredTestCommand(templateCommand),
                        source.template(), null, quality(repositories.templateQuality(source.template())));
            }
            case "path" -> new NewRepository(name, ForgeType.EMBEDDED, null, branch, requiredTestCommand(null), null,
                    importPath(), quality(null));
            default -> throw ApiProblems.badRequest("source.type must be template or path, got '" + source.type() + "'.");
        };
    }

    private Path importPath() {
        if (source.path() == null || source.path().isBlank()) {
            throw ApiProblems.badRequest("source.path is required when source.type is path.");
        }
        try {
            return Path.of(source.path());
        } catch (InvalidPathException e) {
            throw ApiProblems.badRequest("source.path is not a valid path: " + e.getReason() + ".");
        }
    }

    /** The request's quality checks; a template's own when the request names none. */
    private QualityCommands quality(QualityCommands fallback) {
        QualityRequest quality = new QualityRequest(lintCommand, coverageCommand, coverageThreshold, securityCommand,
                requiredChecks);
        return quality.empty() && fallback != null ? fallback : quality.toCommands();
    }

    private String requiredTestCommand(String fallback) {
        String command = testCommand == null || testCommand.isBlank() ? fallback : testCommand.strip();
        if (command == null || command.isBlank()) {
            throw ApiProblems.badRequest("test_command is required (the command that runs the repository's tests).");
        }
        return command;
    }
}
