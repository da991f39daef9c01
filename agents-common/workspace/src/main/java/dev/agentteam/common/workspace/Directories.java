package dev.agentteam.common.workspace;

import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

final class Directories {

    private Directories() {
    }

    /** Deletes a tree without following symlinks out of it ({@link FileSystemUtils} walks without following links). */
    static void deleteTree(Path root) {
        try {
            FileSystemUtils.deleteRecursively(root);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete workspace " + root, e);
        }
    }
}
