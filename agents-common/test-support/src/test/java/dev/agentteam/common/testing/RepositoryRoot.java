package dev.agentteam.common.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checkout's root, found from the module directory a test runs in: the nearest directory upwards that holds
 * {@code .env.example} (apps sit one level down, the shared modules under {@code agents-common/} two).
 */
public final class RepositoryRoot {

    private RepositoryRoot() {
    }

    public static Path find() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(".env.example"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no .env.example in " + start + " or above: tests run inside the checkout");
    }
}
