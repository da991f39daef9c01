package dev.agentteam.common.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * What a sandboxed run leaves behind: nothing in the work root (each test uses a fresh sandbox, so its own start-up
 * probe runs too), no process once the caller is interrupted, and exactly the collected files it reports.
 */
class SandboxRunLifecycleTest {

    private Path workRoot;

    @TempDir
    Path workspace;

    @TempDir
    Path collected;

    @BeforeEach
    void workRoot() {
        // not below /tmp: the sandbox gets a private /tmp
        workRoot = Path.of(System.getProperty("java.io.tmpdir"), "sandbox-lifecycle-" + UUID.randomUUID());
    }

    @AfterEach
    void deleteWorkRoot() {
        RunDirectory.deleteTree(workRoot);
    }

    private Sandbox sandbox() {
        return new Sandbox(new SandboxProperties(Duration.ofSeconds(60), DataSize.ofMegabytes(256), 64,
                DataSize.ofMegabytes(10), Duration.ofSeconds(30), DataSize.ofKilobytes(64), List.of(), workRoot, null, 0, 0));
    }

    @Test
    void aFreshSandboxProbesItselfAndARunLeavesNothingInTheWorkRoot() throws IOException {
        Files.writeString(workspace.resolve("input.txt"), "from the workspace");
        Sandbox sandbox = sandbox();

        sandbox.verify();
        SandboxResult result = sandbox.runShell(workspace, "cat input.txt; echo written > output.txt");

        assertThat(result.succeeded()).as(result.output()).isTrue();
        assertThat(result.output()).contains("from the workspace");
        try (Stream<Path> left = Files.list(workRoot)) {
            assertThat(left.map(path -> path.getFileName().toString()))
                    .as("no run copy and no probe marker outlive the run").containsExactly("probe-workspace");
        }
        assertThat(workspace.resolve("output.txt")).as("the workspace itself is never written").doesNotExist();
    }

    @Test
    void interruptingTheCallerKillsTheCommandAndKeepsTheInterrupt() throws Exception {
        String tag = "interrupted" + UUID.randomUUID().toString().replace("-", "");
        Files.writeString(workspace.resolve(tag + ".sh"), "sleep 300\n");
        Sandbox sandbox = sandbox();
        sandbox.verify();
        CompletableFuture<Boolean> interruptKept = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                sandbox.run(workspace, List.of("/bin/sh", tag + ".sh"), Duration.ofSeconds(120));
                interruptKept.completeExceptionally(new AssertionError("the run ended without being cancelled"));
            } catch (CancellationException expected) {
                interruptKept.complete(Thread.currentThread().isInterrupted());
            } catch (RuntimeException e) {
                interruptKept.completeExceptionally(e);
            }
        }, "sandbox-caller");
        caller.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> !processesTagged(tag).isEmpty());

        caller.interrupt();

        assertThat(interruptKept.get(60, TimeUnit.SECONDS)).as("the caller's interrupt flag is restored").isTrue();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(processesTagged(tag)).as("the command died with the cancelled run").isEmpty());
    }

    @Test
    void collectingReportsExactlyTheFilesItCopied() throws IOException {
        Files.createDirectories(workspace.resolve("reports"));
        Files.writeString(workspace.resolve("reports/TEST-a.xml"), "<testsuite/>");
        Files.writeString(workspace.resolve("reports/notes.txt"), "not a report");

        List<Path> copied = FileCollector.collect(workspace,
                new CollectFiles(List.of("reports/*.xml"), collected, 10, 1_000_000));

        assertThat(copied).containsExactly(Path.of("reports/TEST-a.xml"));
        assertThat(collected.resolve("reports/TEST-a.xml")).hasContent("<testsuite/>");
    }

    private static List<ProcessHandle> processesTagged(String tag) {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(tag)).toList();
    }
}
