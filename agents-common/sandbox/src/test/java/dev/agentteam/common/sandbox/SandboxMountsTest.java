package dev.agentteam.common.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: the sandbox's bind mounts were read-only only at the top, so a mount below a visible path stayed
 * writable. An outer mount namespace puts a tmpfs below a visible directory, then the real isolation command runs a
 * write into it.
 */
class SandboxMountsTest {

    @TempDir
    Path runRoot;

    @Test
    void aMountBelowAVisiblePathIsReadOnlyInsideTheSandbox() throws Exception {
        Files.createDirectories(runRoot.resolve("work"));
        // Outside /tmp: the sandbox puts its own tmpfs over /tmp before it binds the visible paths.
        Path visible = Files.createTempDirectory(Path.of("/var/tmp"), "sandbox-visible-");
        try {
            SandboxProperties limits = new SandboxProperties(null, null, 0, null, null, null, null, runRoot,
                    List.of("/usr", "/bin", "/lib", "/lib64", "/etc", visible.toString()), -1, -1);
            List<String> inside = IsolationCommand.locate(System.getenv("PATH")).wrap(List.of("/bin/sh", "-c",
                    "cat " + visible + "/sub/file; touch " + visible + "/sub/new && echo WRITABLE || echo READ-ONLY"),
                    limits, null, runRoot);
            List<String> command = new ArrayList<>(List.of("unshare", "--user", "--map-root-user", "--mount", "/bin/sh",
                    "-c", "mkdir -p \"$0/sub\" && mount -t tmpfs tmpfs \"$0/sub\" && echo below > \"$0/sub/file\" "
                            + "&& exec \"$@\"", visible.toString()));
            command.addAll(inside);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(output).as(output).contains("below").contains("READ-ONLY").doesNotContain("WRITABLE");
        } finally {
            try (var files = Files.walk(visible)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
