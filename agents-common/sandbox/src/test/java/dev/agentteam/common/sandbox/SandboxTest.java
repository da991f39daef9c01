package dev.agentteam.common.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentteam.common.task.ClassifiedFailure;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** Real processes in real namespaces: every check here would fail if the isolation were missing. */
class SandboxTest {

    private static final String SECRET = "sandbox-secret-4711-do-not-leak";
    private static final String ALLOWED = "allowed-value-0815";

    private static Path workRoot;
    /** Shared with the sandboxed (unprivileged) commands so they can leave markers the test can check. */
    private static Path markers;

    @TempDir
    Path workspace;

    @BeforeAll
    static void createDirectories() throws IOException {
        workRoot = Path.of(System.getProperty("java.io.tmpdir"), "sandbox-test-" + UUID.randomUUID());
        // not below /tmp: the sandbox gets a private /tmp. A short name: a Unix socket is created in it, and a
        // socket path must stay under 108 bytes however deep the checkout is.
        markers = Files.createDirectories(Path.of("target", "sbm-" + UUID.randomUUID().toString().substring(0, 8))
                .toAbsolutePath());
        Files.setPosixFilePermissions(markers, PosixFilePermissions.fromString("rwxrwxrwx"));
    }

    @AfterAll
    static void deleteDirectories() {
        RunDirectory.deleteTree(workRoot);
        RunDirectory.deleteTree(markers);
    }

    private static Sandbox sandbox(Duration timeout, int maxProcesses, DataSize fileSize, DataSize outputCap) {
        return new Sandbox(new SandboxProperties(timeout, DataSize.ofMegabytes(256), maxProcesses, fileSize,
                Duration.ofSeconds(60), outputCap, List.of("AGENT_TEAM_SANDBOX_TEST_ALLOWED"), workRoot, null, 0, 0));
    }

    private static Sandbox sandbox() {
        return sandbox(Duration.ofSeconds(60), 128, DataSize.ofMegabytes(10), DataSize.ofKilobytes(64));
    }

    @Test
    void runsTheCommandInACopyAndReportsExitCodeAndOutput() throws IOException {
        Files.writeString(workspace.resolve("pom.xml"), "<project/>");

        SandboxResult result = sandbox().runShell(workspace, "cat pom.xml; echo; echo to-stderr >&2; exit 3");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.timedOut()).isFalse();
        assertThat(result.output()).contains("<project/>").contains("to-stderr");
        assertThat(result.truncated()).isFalse();
    }

    @Test
    void cannotOpenNetworkConnections() throws IOException {
        try (ServerSocket listener = new ServerSocket(0)) {
            int port = listener.getLocalPort();
            SandboxResult result = sandbox().run(workspace, List.of("/bin/bash", "-c",
                    "exec 3<>/dev/tcp/127.0.0.1/" + port + " && echo CONNECTED; exec 3<>/dev/tcp/127.0.0.1/6379 "
                            + "&& echo CONNECTED-REDIS; cat /proc/net/dev"));

            assertThat(result.output()).doesNotContain("CONNECTED").contains("Network is unreachable");
            assertThat(result.output()).as("only loopback in its network namespace").contains("lo:").doesNotContain("eth0");
        }
    }

    @Test
    void cannotReachHostServicesThroughUnixSockets() throws IOException {
        Path socketPath = markers.resolve("s" + UUID.randomUUID().toString().substring(0, 8));
        Files.writeString(workspace.resolve("client.pl"), "use IO::Socket::UNIX;\n"
                + "IO::Socket::UNIX->new(Peer => '" + socketPath + "') or die \"refused: $!\\n\";\n"
                + "print \"CONNECTED\\n\";\n");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socketPath));
            Files.setPosixFilePermissions(socketPath, PosixFilePermissions.fromString("rwxrwxrwx"));
            Process host = new ProcessBuilder("/usr/bin/perl", "client.pl").directory(workspace.toFile())
                    .redirectErrorStream(true).start();
            assertThat(new String(host.getInputStream().readAllBytes())).as("reachable from the host").contains("CONNECTED");

            SandboxResult inside = sandbox().runShell(workspace,
                    "ls -A /run/postgresql /tmp/sandbox; /usr/bin/perl client.pl; echo done");

            assertThat(inside.output()).contains("done").contains("refused").doesNotContain("CONNECTED")
                    .doesNotContain(".s.PGSQL");
        } finally {
            Files.deleteIfExists(socketPath);
        }
    }

    @Test
    void cannotSeeTheWorkersSecretsInEnvOrProc() throws IOException {
        assertThat(System.getenv("AGENT_TEAM_SANDBOX_TEST_SECRET")).as("surefire sets it for this JVM").isEqualTo(SECRET);
        long worker = ProcessHandle.current().pid();
        String script = "env; echo ---; cat /proc/[0-9]*/environ | tr '\\0' '\\n'; echo ---;"
                + " cat /proc/" + worker + "/environ; umount /proc && cat /proc/" + worker + "/environ"
                + " && cat /proc/" + worker + "/cmdline; echo done";

        SandboxResult result = sandbox().runShell(workspace, script);

        assertThat(result.output()).contains("done")
                .contains("AGENT_TEAM_SANDBOX_TEST_ALLOWED=" + ALLOWED)
                .contains("HOME=").contains("TMPDIR=").contains("PATH=")
                .doesNotContain(SECRET)
                .doesNotContain("AGENT_TEAM_SANDBOX_TEST_SECRET");
    }

    @Test
    void timeoutKillsTheWholeProcessTree() throws Exception {
        String tag = "orphan" + UUID.randomUUID().toString().replace("-", "");
        Files.writeString(workspace.resolve(tag + ".sh"), "sleep 300\n");
        CompletableFuture<SandboxResult> running = CompletableFuture.supplyAsync(() -> sandbox().run(workspace,
                List.of("/bin/sh", "-c", "/bin/sh " + tag + ".sh & echo started; sleep 120"), Duration.ofSeconds(3)));
        boolean childSeen = false;
        while (!childSeen && !running.isDone()) {
            childSeen = !processesTagged(tag).isEmpty();
            Thread.sleep(50);
        }
        SandboxResult result = running.get(60, TimeUnit.SECONDS);

        assertThat(childSeen).as("the background child ran (seen from the host)").isTrue();
        assertThat(result.timedOut()).isTrue();
        assertThat(result.succeeded()).isFalse();
        assertThat(result.output()).contains("started");
        assertThat(result.duration()).isLessThan(Duration.ofSeconds(60));
        assertThat(processesTagged(tag)).as("the background child was killed with its parent").isEmpty();
    }

    @Test
    void backgroundChildrenDoNotOutliveANormalExit() throws IOException {
        String tag = "leftover" + UUID.randomUUID().toString().replace("-", "");
        Files.writeString(workspace.resolve(tag + ".sh"), "sleep 300\n");

        SandboxResult result = sandbox().runShell(workspace, "/bin/sh " + tag + ".sh & echo started");

        assertThat(result.exitCode()).isZero();
        assertThat(processesTagged(tag)).isEmpty();
    }

    private static List<ProcessHandle> processesTagged(String tag) {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(tag)).toList();
    }

    @Test
    void outputBeyondTheCapKeepsHeadAndTailAndSaysSo() {
        Sandbox sandbox = sandbox(Duration.ofSeconds(60), 64, DataSize.ofMegabytes(1), DataSize.ofBytes(1000));

        SandboxResult result = sandbox.runShell(workspace,
                "echo FIRST-LINE; i=0; while [ $i -lt 5000 ]; do echo middle-line-$i; i=$((i+1)); done; echo LAST-LINE");

        assertThat(result.truncated()).isTrue();
        assertThat(result.output()).startsWith("FIRST-LINE").endsWith("LAST-LINE\n")
                .containsPattern("\\[… \\d+ bytes truncated …]")
                .doesNotContain("middle-line-2500\n");
        assertThat(result.output().length()).isLessThan(1100);
    }

    @Test
    void forkBombIsContainedByTheProcessLimit() throws IOException {
        String tag = "bomb" + UUID.randomUUID().toString().replace("-", "");
        Files.writeString(workspace.resolve(tag + ".sh"), "b() { b | b & }; b; sleep 100\n");
        Files.writeString(workspace.resolve("count.pl"), "my $n = 0; for (1..500) { my $p = fork(); last unless defined $p;"
                + " if ($p == 0) { sleep 60; exit 0 } $n++ } print \"forked $n\\n\";\n");
        Sandbox sandbox = sandbox(Duration.ofSeconds(5), 40, DataSize.ofMegabytes(1), DataSize.ofKilobytes(16));

        SandboxResult counted = sandbox.run(workspace, List.of("/usr/bin/perl", "count.pl"));
        SandboxResult bomb = sandbox.run(workspace, List.of("/bin/bash", tag + ".sh"));

        assertThat(counted.output()).containsPattern("forked [1-3]\\d\\b");
        assertThat(bomb.timedOut()).isTrue();
        assertThat(processesTagged(tag)).as("nothing of the bomb survives").isEmpty();
        assertThat(sandbox().runShell(workspace, "echo host-still-forks").output()).contains("host-still-forks");
    }

    @Test
    void diskFillingWriteStopsAtTheFileSizeLimit() {
        Sandbox sandbox = sandbox(Duration.ofSeconds(60), 64, DataSize.ofMegabytes(1), DataSize.ofKilobytes(64));

        SandboxResult result = sandbox.runShell(workspace,
                "head -c 50000000 /dev/zero > big.bin; echo status=$?; wc -c < big.bin");

        assertThat(result.output()).contains("status=153").contains("1048576");
    }

    @Test
    void memoryBeyondTheLimitCannotBeAllocated() {
        SandboxResult result = sandbox().run(workspace,
                List.of("/usr/bin/perl", "-e", "my $x = 'a' x (512*1024*1024); print length($x)"));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("Out of memory").doesNotContain("536870912");
    }

    @Test
    void theOriginalWorkspaceIsUntouchedByACommandThatDeletesFiles() throws IOException {
        Files.createDirectories(workspace.resolve("src/main"));
        Files.writeString(workspace.resolve("src/main/App.java"), "class App {}");
        Files.writeString(workspace.resolve("README.md"), "hello");

        SandboxResult result = sandbox().runShell(workspace,
                "rm -rf src README.md && echo changed > NEW.txt && ls -A | wc -l");

        assertThat(result.output().strip()).isEqualTo("1");
        assertThat(workspace.resolve("src/main/App.java")).hasContent("class App {}");
        assertThat(workspace.resolve("README.md")).hasContent("hello");
        assertThat(workspace.resolve("NEW.txt")).doesNotExist();
    }

    @Test
    void cannotWriteOutsideItsCopy() {
        Path hostDirectory = Path.of("").toAbsolutePath();
        SandboxResult result = sandbox().runShell(workspace, "touch " + workspace.resolve("x") + " && echo WROTE; "
                + "ls " + hostDirectory + " > /dev/null 2>&1 && echo SEES-HOST-DIR; touch /usr/x 2>/dev/null && echo WROTE-USR; "
                + "test -r /etc/passwd && echo SEES-ETC; ls / ; echo done");

        assertThat(hostDirectory).isDirectory();
        assertThat(result.output()).contains("done").contains("SEES-ETC")
                .doesNotContain("WROTE").doesNotContain("SEES-HOST-DIR");
        assertThat(workspace.resolve("x")).doesNotExist();
    }

    @Test
    void refusesToRunWhenTheSandboxCannotBeSetUp(@TempDir Path privateDirectory) throws IOException {
        // root may create the work root in here, the sandbox uid cannot reach it; a non-root worker cannot even create it
        Files.setPosixFilePermissions(privateDirectory, PosixFilePermissions.fromString("---------"));
        Sandbox sandbox = new Sandbox(new SandboxProperties(null, null, 0, null, null, null, null,
                privateDirectory.resolve("root"), null, 0, 0));

        assertThatThrownBy(() -> sandbox.runShell(workspace, "echo unsandboxed"))
                .isInstanceOf(SandboxUnavailableException.class)
                .hasMessageContaining(privateDirectory.resolve("root").toString());
        Files.setPosixFilePermissions(privateDirectory, PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void refusesToRunWhenTheIsolationToolsAreMissing() {
        Sandbox sandbox = new Sandbox(SandboxProperties.defaults(), Map.of("PATH", "/nonexistent"));

        assertThatThrownBy(() -> sandbox.runShell(workspace, "echo unsandboxed"))
                .isInstanceOf(SandboxUnavailableException.class)
                .hasMessageContaining("unshare")
                .hasMessageContaining("prlimit")
                // the host lacks them until an operator acts: another attempt here would fail the same way
                .satisfies(e -> assertThat(((ClassifiedFailure) e).retryable()).isFalse());
    }
}
