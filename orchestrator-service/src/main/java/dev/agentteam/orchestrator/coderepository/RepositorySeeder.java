package dev.agentteam.orchestrator.coderepository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.agentteam.common.task.QualityCommands;
import dev.agentteam.orchestrator.api.ApiProblems;
import dev.agentteam.orchestrator.forge.ForgeProperties;
import dev.agentteam.orchestrator.forge.ForgeStorage;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Creates an embedded repository's bare repo and its first content, from a template or a local path. */
@Component
class RepositorySeeder {

    private static final Logger log = LoggerFactory.getLogger(RepositorySeeder.class);
    /** Keeps a mistaken path (a home directory, a disk) from being copied into the forge. */
    private static final long MAX_IMPORT_BYTES = 500L * 1024 * 1024;

    private final ForgeStorage storage;
    private final ForgeProperties properties;
    private final RepositoryTemplates templates;

    RepositorySeeder(ForgeStorage storage, ForgeProperties properties, RepositoryTemplates templates) {
        this.storage = storage;
        this.properties = properties;
        this.templates = templates;
    }

    QualityCommands templateQuality(String template) {
        templateTestCommand(template);
        return templates.quality(template);
    }

    String templateTestCommand(String template) {
        if (!templates.names().contains(template)) {
            throw ApiProblems.unprocessable("Unknown template '" + template + "'; known templates: " + templates.names() + ".");
        }
        return templates.testCommand(template);
    }

    /**
     * @param serverChosenPath the import path comes from the server itself (an evaluation suite, its own checkout), not
     *                         from a caller of the API: it need not lie inside the import roots
     */
    void createAndSeed(NewRepository command, boolean serverChosenPath) {
        Map<String, byte[]> templateFiles = null;
        Path source = null;
        if (command.template() != null) {
            templateTestCommand(command.template());
            templateFiles = templates.files(command.template());
        } else {
            source = serverChosenPath ? directory(command.importPath()) : checkImportPath(command.importPath());
        }
        if (storage.exists(command.name()) || Files.exists(storage.path(command.name()))) {
            throw ApiProblems.conflict("The forge already holds a repository directory named '" + command.name() + "'.");
        }
        try (Repository repository = storage.create(command.name(), command.defaultBranch())) {
            if (templateFiles != null) {
                InitialContent.commitFiles(repository, command.defaultBranch(), templateFiles,
                        "Initial commit from template " + command.template());
            } else {
                importPath(repository, command, source);
            }
            log.info("Created embedded repository {} ({})", command.name(),
                    templateFiles != null ? "template " + command.template() : "imported from " + command.importPath());
        } catch (RuntimeException e) {
            throw cleanedUp(command.name(), e);
        } catch (IOException | GitAPIException e) {
            throw cleanedUp(command.name(),
                    ApiProblems.unprocessable("Could not import " + command.importPath() + ": " + e.getMessage()));
        }
    }

    /** Removes the half-created repository; a failing cleanup never hides the reason the creation failed. */
    private RuntimeException cleanedUp(String name, RuntimeException reason) {
        try {
            storage.delete(name);
        } catch (RuntimeException cleanup) {
            log.warn("Could not remove the half-created repository {}: {}", name, cleanup.getMessage());
            reason.addSuppressed(cleanup);
        }
        return reason;
    }

    private void importPath(Repository repository, NewRepository command, Path source) throws IOException, GitAPIException {
        if (isGitRepository(source)) {
            InitialContent.fetchBranches(repository, source);
            if (repository.exactRef(Constants.R_HEADS + command.defaultBranch()) == null) {
                throw ApiProblems.unprocessable("The git repository at " + source + " has no branch '"
                        + command.defaultBranch() + "'; set default_branch to one of its branches.");
            }
            return;
        }
        try {
            InitialContent.commitDirectory(repository, command.defaultBranch(), source, MAX_IMPORT_BYTES,
                    "Initial commit imported from " + source.getFileName());
        } catch (IllegalArgumentException e) {
            throw ApiProblems.unprocessable("Cannot import " + source + ": " + e.getMessage() + ".");
        }
    }

    /** The real path to import (symbolic links resolved, so import roots cannot be escaped through one). */
    private Path checkImportPath(Path path) {
        if (path == null || !path.isAbsolute()) {
            throw ApiProblems.badRequest("source.path must be an absolute path.");
        }
        // Empty import roots mean no imports at all; the check comes before the file system is touched, so a
        // refused path tells nothing about whether it exists.
        if (properties.importRoots().isEmpty()) {
            throw ApiProblems.unprocessable("Importing from a server path is off; an operator can allow directories "
                    + "with AGENTTEAM_FORGE_IMPORT_ROOTS.");
        }
        if (!insideImportRoots(path.normalize())) {
            throw ApiProblems.unprocessable("Imports are allowed only from " + properties.importRoots() + ".");
        }
        Path real = directory(path);
        if (!insideImportRoots(real)) {
            throw ApiProblems.unprocessable("Imports are allowed only from " + properties.importRoots() + ".");
        }
        return real;
    }

    /** The real path of an existing directory (symbolic links resolved). */
    private static Path directory(Path path) {
        if (path == null || !path.isAbsolute()) {
            throw ApiProblems.badRequest("source.path must be an absolute path.");
        }
        try {
            Path real = path.toRealPath();
            if (Files.isDirectory(real)) {
                return real;
            }
        } catch (IOException e) {
            // reported below, like a file
        }
        throw ApiProblems.unprocessable("No directory at " + path.normalize() + ".");
    }

    private boolean insideImportRoots(Path path) {
        return properties.importRoots().stream().anyMatch(root -> path.startsWith(realOrNormalized(root))
                || path.startsWith(root.toAbsolutePath().normalize()));
    }

    private static Path realOrNormalized(Path root) {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            return root.toAbsolutePath().normalize();
        }
    }

    private static boolean isGitRepository(Path path) {
        if (Files.isDirectory(path.resolve(".git"))) {
            return true;
        }
        try (Repository candidate = new FileRepositoryBuilder().setGitDir(path.toFile()).setMustExist(true).build()) {
            return candidate.getObjectDatabase().exists();
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
