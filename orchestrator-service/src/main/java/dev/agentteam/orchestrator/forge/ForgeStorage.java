package dev.agentteam.orchestrator.forge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/** The bare repositories of the embedded forge: {@code <data dir>/repos/<name>.git}. */
@Component
public class ForgeStorage {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final ForgeProperties properties;

    public ForgeStorage(ForgeProperties properties) {
        this.properties = properties;
    }

    /** Letters, digits, '.', '_' and '-', at most 100, starting with a letter or digit, not ending in ".git". */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches() && !name.endsWith(".git") && !name.contains("..");
    }

    public String owner() {
        return properties.owner();
    }

    public Path path(String name) {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("invalid repository name '" + name + "'");
        }
        return properties.reposDir().resolve(name + ".git");
    }

    public boolean exists(String name) {
        return isValidName(name) && Files.isRegularFile(path(name).resolve("HEAD"));
    }

    /** Opens an existing bare repository; the caller closes it. */
    public Optional<Repository> open(String name) {
        if (!exists(name)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FileRepositoryBuilder().setGitDir(path(name).toFile()).setBare().build());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open repository " + name, e);
        }
    }

    /** Creates an empty bare repository whose HEAD names {@code defaultBranch}; the caller closes it. */
    public Repository create(String name, String defaultBranch) {
        Path dir = path(name);
        if (Files.exists(dir)) {
            throw new IllegalStateException("repository directory " + dir + " already exists");
        }
        try {
            Files.createDirectories(properties.reposDir());
            Repository repository = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
            repository.create(true);
            RefUpdate head = repository.updateRef(Constants.HEAD);
            head.disableRefLog();
            head.link(Constants.R_HEADS + defaultBranch);
            return repository;
        } catch (IOException e) {
            delete(name);
            throw new UncheckedIOException("cannot create repository " + name, e);
        }
    }

    /**
     * Removes a repository's directory (cleanup after a failed creation). JGit may still be finishing a file in it
     * (a lock or probe file appears while the walk deletes), so a failed attempt is repeated a few times.
     */
    public void delete(String name) {
        IOException last = null;
        for (int attempt = 1; attempt <= 5; attempt++) {
            try {
                FileSystemUtils.deleteRecursively(path(name));
                return;
            } catch (IOException e) {
                last = e;
                pause(attempt * 50L);
            }
        }
        throw new UncheckedIOException("cannot delete repository " + name, last);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
