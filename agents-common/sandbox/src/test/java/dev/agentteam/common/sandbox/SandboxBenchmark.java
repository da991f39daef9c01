package dev.agentteam.common.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentteam.common.testing.BenchmarkRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * The sandbox's cost, side by side in the same run: a trivial command and the demo repository's test suite, each
 * run bare (a plain child process in the workspace) and sandboxed (copy of the workspace, namespaces, limits),
 * interleaved so both see the same machine load. Medians. Runs only from scripts/bench.sh (tag "benchmark").
 */
@Tag("benchmark")
class SandboxBenchmark {

    private static final boolean QUICK = Boolean.getBoolean("benchmark.quick");
    private static final Path DEMO = Path.of("..", "..", "orchestrator-service", "src", "main", "resources",
            "forge-templates", "demo-python").toAbsolutePath().normalize();
    private static final List<String> TRIVIAL = List.of("/bin/sh", "-c", "true");
    private static final List<String> SUITE = List.of("python3", "-m", "unittest", "discover", "-s", "tests");

    @TempDir
    Path temp;

    @Test
    void sandboxedAgainstBare() throws Exception {
        Path workRoot = Files.createDirectories(Path.of("target", "sandbox-bench-" + UUID.randomUUID()).toAbsolutePath());
        Sandbox sandbox = new Sandbox(new SandboxProperties(Duration.ofMinutes(2), DataSize.ofGigabytes(2), 256,
                DataSize.ofMegabytes(100), Duration.ofMinutes(2), DataSize.ofMegabytes(1), List.of(), workRoot, null, 0, 0));
        try {
            Path empty = Files.createDirectories(temp.resolve("empty"));
            Path demo = copy(DEMO, temp.resolve("demo"));
            sandbox.verify();

            Pair trivial = measure(sandbox, empty, TRIVIAL, QUICK ? 10 : 30);
            Pair suite = measure(sandbox, demo, SUITE, QUICK ? 5 : 15);

            double overhead = trivial.sandboxed - trivial.bare;
            Map<String, Object> trivialDetails = new LinkedHashMap<>();
            trivialDetails.put("runs", trivial.runs);
            trivialDetails.put("fixed_overhead_ms", Math.round(overhead * 10) / 10.0);
            new BenchmarkRecord("sandbox-trivial", "sandbox: trivial command (sh -c true), sandboxed vs bare, median",
                    trivial.sandboxed, trivial.bare, "ms", "fixed overhead < 100 ms", overhead < 100, trivialDetails).write();

            Map<String, Object> suiteDetails = new LinkedHashMap<>();
            suiteDetails.put("runs", suite.runs);
            suiteDetails.put("command", String.join(" ", SUITE));
            new BenchmarkRecord("sandbox-demo-suite", "sandbox: demo repository's test suite, sandboxed vs bare, median",
                    suite.sandboxed, suite.bare, "ms", "ratio <= 1.2", suite.sandboxed <= 1.2 * suite.bare,
                    suiteDetails).write();
        } finally {
            RunDirectory.deleteTree(workRoot);
        }
    }

    private record Pair(double bare, double sandboxed, int runs) {
    }

    /** Alternates bare and sandboxed runs after one warm-up of each; both must succeed every time. */
    private static Pair measure(Sandbox sandbox, Path workspace, List<String> command, int runs) throws Exception {
        bare(workspace, command);
        sandbox.run(workspace, command);
        List<Double> bare = new ArrayList<>();
        List<Double> sandboxed = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            bare.add(bare(workspace, command));
            long start = System.nanoTime();
            SandboxResult result = sandbox.run(workspace, command);
            sandboxed.add((System.nanoTime() - start) / 1e6);
            assertThat(result.exitCode()).as(result.output()).isZero();
        }
        return new Pair(median(bare), median(sandboxed), runs);
    }

    private static double bare(Path workspace, List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).directory(workspace.toFile()).redirectErrorStream(true);
        // the same minimal environment the sandbox gives its commands
        Map<String, String> env = builder.environment();
        String path = env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.clear();
        env.put("PATH", path);
        env.put("LANG", "C.UTF-8");
        Process process = builder.start();
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).isZero();
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return to;
    }
}
