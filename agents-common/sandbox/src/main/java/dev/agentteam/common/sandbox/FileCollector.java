package dev.agentteam.common.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies matching files out of a finished run. The files were written by untrusted code, so only regular files
 * with a single link are taken, symbolic links are never followed (a report linked to a host file would
 * otherwise leak it), and count and size are bounded.
 */
final class FileCollector {

    private FileCollector() {
    }

    static List<Path> collect(Path work, CollectFiles spec) {
        List<PathMatcher> matchers = new ArrayList<>();
        spec.globs().forEach(g -> matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + g)));
        List<Path> copied = new ArrayList<>();
        long[] total = {0};
        try {
            Files.createDirectories(spec.target());
            Files.walkFileTree(work, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Path relative = work.relativize(file);
                    if (!attrs.isRegularFile() || matchers.stream().noneMatch(m -> m.matches(relative))
                            || linkCount(file) != 1) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (copied.size() >= spec.maxFiles() || total[0] + attrs.size() > spec.maxBytes()) {
                        return FileVisitResult.CONTINUE;
                    }
                    Path target = spec.target().resolve(relative.toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, LinkOption.NOFOLLOW_LINKS);
                    total[0] += attrs.size();
                    copied.add(relative);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not collect files from the sandbox run", e);
        }
        return copied;
    }

    private static int linkCount(Path file) throws IOException {
        try {
            return (Integer) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException e) {
            return 1;
        }
    }
}
