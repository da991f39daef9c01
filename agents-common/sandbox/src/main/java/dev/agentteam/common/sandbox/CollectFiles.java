package dev.agentteam.common.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Files to copy out of a sandboxed run's work copy before it is deleted (test reports, coverage).
 *
 * @param globs     glob patterns relative to the work copy, e.g. {@code **}{@code /TEST-*.xml}
 * @param target    a directory outside the sandbox; files keep their relative paths below it
 * @param maxFiles  at most this many files are copied
 * @param maxBytes  files are copied until their total would pass this size
 */
public record CollectFiles(List<String> globs, Path target, int maxFiles, long maxBytes) {

    public CollectFiles {
        globs = List.copyOf(globs);
        Objects.requireNonNull(target, "target");
        if (maxFiles < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("maxFiles and maxBytes must be positive");
        }
    }
}
