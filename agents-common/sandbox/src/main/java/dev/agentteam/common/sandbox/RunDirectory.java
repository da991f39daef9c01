package dev.agentteam.common.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/** A throw-away directory holding a fresh copy of the workspace plus the command's HOME and TMPDIR. */
final class RunDirectory implements AutoCloseable {

    private final Path root;

    private RunDirectory(Path root) {
        this.root = root;
    }

    /**
     * Copies {@code source} (symlinks stay links, never followed) and, when {@code owner} is given, hands the
     * whole tree to that uid/gid so the unprivileged command can write its copy and nothing else.
     */
    static RunDirectory create(Path workRoot, Path source, SandboxUser owner) {
        try {
            Path root = Files.createTempDirectory(workRoot, "run-");
            RunDirectory run = new RunDirectory(root);
            try {
                Files.createDirectory(run.home());
                Files.createDirectory(run.tmp());
                copyTree(source, run.work());
                if (owner != null) {
                    chownTree(root, owner);
                }
                return run;
            } catch (IOException | RuntimeException e) {
                run.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare a copy of " + source + " for the sandbox", e);
        }
    }

    /** Creates the work root; when the worker is root, the command will run as the configured uid instead. */
    static SandboxUser prepareWorkRoot(SandboxProperties properties) {
        try {
            Path root = Files.createDirectories(properties.workRoot());
            Path marker = Files.createTempFile(root, "whoami-", "");
            int uid = (Integer) Files.getAttribute(marker, "unix:uid");
            Files.delete(marker);
            if (uid != 0) {
                return null;
            }
            // the unprivileged command must be able to reach its own copy below the root
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
            return new SandboxUser(properties.runAsUid(), properties.runAsGid());
        } catch (IOException | UnsupportedOperationException e) {
            throw new SandboxUnavailableException("cannot prepare sandbox work root " + properties.workRoot(), e);
        }
    }

    Path root() {
        return root;
    }

    Path work() {
        return root.resolve("work");
    }

    Path home() {
        return root.resolve("home");
    }

    Path tmp() {
        return root.resolve("tmp");
    }

    @Override
    public void close() {
        deleteTree(root);
    }

    private static void copyTree(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile() || attrs.isSymbolicLink()) {
                    Files.copy(file, target.resolve(source.relativize(file).toString()),
                            LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void chownTree(Path root, SandboxUser owner) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Files.setAttribute(path, "unix:uid", owner.uid(), LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(path, "unix:gid", owner.gid(), LinkOption.NOFOLLOW_LINKS);
            }
        }
    }

    /** Best effort: the command may have left read-only directories behind, so open each one first. */
    static void deleteTree(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    try {
                        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                    } catch (IOException | UnsupportedOperationException ignored) {
                        // deletion below reports what really could not be removed
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete sandbox directory " + root, e);
        }
    }
}
