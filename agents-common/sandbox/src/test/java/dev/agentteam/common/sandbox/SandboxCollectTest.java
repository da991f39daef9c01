package dev.agentteam.common.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** Reports written inside the sandbox come out; links the untrusted command planted do not lead anywhere. */
class SandboxCollectTest {

    private static Path workRoot;

    @TempDir
    Path workspace;

    @TempDir
    Path collected;

    @BeforeAll
    static void createWorkRoot() {
        workRoot = Path.of(System.getProperty("java.io.tmpdir"), "sandbox-collect-" + UUID.randomUUID());
    }

    @AfterAll
    static void deleteWorkRoot() {
        RunDirectory.deleteTree(workRoot);
    }

    private static Sandbox sandbox() {
        return new Sandbox(new SandboxProperties(Duration.ofSeconds(60), DataSize.ofMegabytes(256), 64,
                DataSize.ofMegabytes(10), Duration.ofSeconds(30), DataSize.ofKilobytes(64), List.of(), workRoot, null, 0, 0));
    }

    @Test
    void copiesMatchingRegularFilesButNoLinksAndNothingElse() throws IOException {
        Path secret = Files.writeString(collected.getParent().resolve("host-secret-" + UUID.randomUUID()), "TOP-SECRET");
        try {
            SandboxResult result = sandbox().run(workspace, List.of("/bin/sh", "-c", """
                    mkdir -p reports/sub && echo '<testsuite/>' > reports/TEST-a.xml && echo '<testsuite/>' > reports/sub/TEST-b.xml
                    echo other > reports/notes.txt
                    ln -s %s reports/TEST-link.xml
                    exit 1
                    """.formatted(secret)), Duration.ofSeconds(30),
                    new CollectFiles(List.of("reports/**.xml", "reports/*.xml"), collected, 10, 1_000_000));

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(collected.resolve("reports/TEST-a.xml")).hasContent("<testsuite/>");
            assertThat(collected.resolve("reports/sub/TEST-b.xml")).hasContent("<testsuite/>");
            assertThat(collected.resolve("reports/notes.txt")).doesNotExist();
            assertThat(collected.resolve("reports/TEST-link.xml")).doesNotExist();
        } finally {
            Files.deleteIfExists(secret);
        }
    }

    @Test
    void stopsAtTheSizeLimit() {
        sandbox().run(workspace, List.of("/bin/sh", "-c",
                        "mkdir r && head -c 600 /dev/zero > r/a.xml && head -c 600 /dev/zero > r/b.xml"),
                Duration.ofSeconds(30), new CollectFiles(List.of("r/*.xml"), collected, 10, 1000));

        try (var files = Files.list(collected.resolve("r"))) {
            assertThat(files).hasSize(1);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
