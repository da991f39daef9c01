package dev.agentteam.common.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Turns a path the agent gave into a real path inside the workspace, or refuses it. Symlinks are resolved
 * (the target itself and any parent directory), so a link inside the workspace cannot lead out of it.
 */
final class ConfinedPaths {

    private final Path root;

    ConfinedPaths(Path root) {
        try {
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("workspace " + root + " does not exist", e);
        }
    }

    Path root() {
        return root;
    }

    /** Resolves {@code relative}; blank means the workspace root. The result may not exist yet. */
    Path resolve(String relative) {
        if (relative == null || relative.isBlank() || relative.equals(".")) {
            return root;
        }
        Path given;
        try {
            given = Path.of(relative);
        } catch (InvalidPathException e) {
            throw new WorkspaceFileException("invalid path '" + relative + "': " + e.getReason());
        }
        if (given.isAbsolute() || relative.startsWith("~")) {
            throw new PathOutsideWorkspaceException("absolute path '" + relative
                    + "' refused: use a path relative to the workspace root");
        }
        Path candidate = root.resolve(given).normalize();
        if (!candidate.startsWith(root)) {
            throw new PathOutsideWorkspaceException("path '" + relative + "' escapes the workspace");
        }
        refuseGitDirectory(relative, root.relativize(candidate));
        Path real = realPath(relative, candidate);
        refuseGitDirectory(relative, root.relativize(real));
        return real;
    }

    String relativize(Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }

    /** The deepest existing ancestor decides: its real location must be inside the workspace. */
    private Path realPath(String relative, Path candidate) {
        Path existing = candidate;
        while (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        Path real;
        try {
            real = existing.toRealPath();
        } catch (IOException e) {
            throw new PathOutsideWorkspaceException("path '" + relative + "' goes through a broken symbolic link");
        }
        if (!real.startsWith(root)) {
            throw new PathOutsideWorkspaceException("path '" + relative
                    + "' leads outside the workspace through a symbolic link");
        }
        return real.resolve(existing.relativize(candidate));
    }

    private static void refuseGitDirectory(String relative, Path inside) {
        for (Path part : inside) {
            if (part.toString().equals(".git")) {
                throw new PathOutsideWorkspaceException("path '" + relative
                        + "' is inside .git, which the tools do not touch (commits are made for you)");
            }
        }
    }
}
