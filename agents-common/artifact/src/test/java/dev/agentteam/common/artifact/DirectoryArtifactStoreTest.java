package dev.agentteam.common.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryArtifactStoreTest extends ArtifactStoreContractTest {

    @TempDir
    Path root;

    @Override
    protected ArtifactStore store() {
        return new DirectoryArtifactStore(root);
    }

    @Test
    void writesNothingOutsideItsRoot() throws Exception {
        store().put("a/b/c.txt", new byte[] {1, 2}, "application/octet-stream");

        assertThat(Files.readAllBytes(root.resolve("objects/a/b/c.txt"))).containsExactly(1, 2);
        try (var files = Files.walk(root.getParent(), 1)) {
            assertThat(files.filter(p -> p.getFileName().toString().equals("a"))).isEmpty();
        }
    }

    @Test
    void aNewStoreOnTheSameDirectorySeesEarlierArtifacts() {
        store().put("kept.txt", new byte[] {7}, "text/plain");

        assertThat(new DirectoryArtifactStore(root).get("kept.txt").orElseThrow().contentType()).isEqualTo("text/plain");
    }
}
