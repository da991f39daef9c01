package dev.agentteam.common.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * cgroup v2 limits: on this host they either stop a command that exceeds them or the reason they do not apply is
 * reported; the delegation rules and the files written are checked against a cgroup tree laid out as the kernel's.
 */
class CgroupLimitsTest {

    private static final Path WORK_ROOT = Path.of(System.getProperty("java.io.tmpdir"), "sandbox-cgroup-" + UUID.randomUUID());

    @TempDir
    Path mount;

    @AfterAll
    static void deleteWorkRoot() {
        RunDirectory.deleteTree(WORK_ROOT);
    }

    private static SandboxProperties limits(int processes) {
        return new SandboxProperties(Duration.ofSeconds(60), DataSize.ofMegabytes(256), processes,
                DataSize.ofMegabytes(10), Duration.ofSeconds(60), DataSize.ofKilobytes(64), List.of(), WORK_ROOT, null,
                0, 0);
    }

    /**
     * Where this host delegates cgroup v2, a command forking past the process limit is stopped; where it does not
     * (this build machine: a hybrid hierarchy), the sandbox, its log line and its health say why.
     */
    @Test
    void onThisHostTheLimitsStopACommandOrTheReasonIsReported() {
        Sandbox sandbox = new Sandbox(limits(16), Map.of("PATH", System.getenv("PATH")));
        CgroupLimits host = CgroupLimits.detect();
        if (host.available()) {
            SandboxResult forks = sandbox.runShell(WORK_ROOT.getParent(),
                    "for i in $(seq 1 64); do sleep 5 & done; wait; echo all-started");
            assertThat(forks.output()).doesNotContain("all-started");
            assertThat(sandbox.cgroupLimits()).startsWith("cgroup v2").contains("16 processes");
        } else {
            assertThat(host.reason()).isNotBlank();
            assertThat(sandbox.cgroupLimits()).isEqualTo("no cgroup limits: " + host.reason());
            var result = new SandboxSelfTest(sandbox, limits(16), Map.of()).run();
            assertThat(result.cgroupLimits()).isEqualTo("no cgroup limits: " + host.reason());
            assertThat(new SandboxHealth(new SandboxSelfTest(sandbox, limits(16), Map.of())).runNow().cgroupLimits())
                    .contains(host.reason());
        }
    }

    @Test
    void inADelegatedCgroupEachCommandGetsItsOwnCgroupWithTheLimitsWritten() throws IOException {
        Path self = kernelLayout("/", "cpuset cpu io memory pids", "", 4242);

        CgroupLimits cgroups = CgroupLimits.detect(mount, self, 0);

        assertThat(cgroups.available()).as(cgroups.reason()).isTrue();
        assertThat(Files.readString(mount.resolve("agentteam-worker/cgroup.procs"))).isEqualTo("4242");
        assertThat(Files.readString(mount.resolve("cgroup.subtree_control"))).isEqualTo("+memory +pids +cpu");
        assertThat(Files.readString(mount.resolve("agentteam-sandboxes/cgroup.subtree_control")))
                .isEqualTo("+memory +pids +cpu");
        CgroupLimits.Run run = cgroups.create(limits(32));
        assertThat(run.directory().getParent()).isEqualTo(mount.resolve("agentteam-sandboxes"));
        assertThat(Files.readString(run.directory().resolve("memory.max"))).isEqualTo(String.valueOf(256L << 20));
        assertThat(Files.readString(run.directory().resolve("pids.max"))).isEqualTo("32");
        assertThat(Files.readString(run.directory().resolve("cpu.max"))).isEqualTo("100000 100000");
        assertThat(run.enterThenRun(List.of("unshare", "x"))).containsSubsequence(
                run.directory().resolve("cgroup.procs").toString(), "unshare", "x");
        assertThat(cgroups.describe(limits(32))).contains("32 processes", "one CPU");

        Path moved = Files.writeString(mount.resolve("self-cgroup"), "0::/agentteam-worker\n");
        CgroupLimits again = CgroupLimits.detect(mount, moved, 0);
        assertThat(again.available()).as("a second sandbox in the same worker: %s", again.reason()).isTrue();
    }

    @Test
    void aCgroupWhoseControllersAreAlreadyEnabledKeepsItsProcesses() throws IOException {
        Path self = kernelLayout("/", "memory pids", "memory pids", 4242);

        CgroupLimits cgroups = CgroupLimits.detect(mount, self, 0);

        assertThat(cgroups.available()).isTrue();
        assertThat(mount.resolve("agentteam-worker")).doesNotExist();
        assertThat(cgroups.describe(limits(8))).contains("no CPU limit");
    }

    @Test
    void aRootWorkerInTheHostsServiceCgroupLeavesItAlone() throws IOException {
        Path self = kernelLayout("/system.slice/agent.service", "memory pids cpu", "", 4242);

        CgroupLimits cgroups = CgroupLimits.detect(mount, self, 0);

        assertThat(cgroups.available()).isFalse();
        assertThat(cgroups.reason()).contains("/system.slice/agent.service is not delegated");
        assertThat(mount.resolve("system.slice/agent.service/agentteam-worker")).doesNotExist();
    }

    @Test
    void withoutTheMemoryAndPidsControllersOrWithoutCgroupV2TheReasonSaysSo() throws IOException {
        Path self = kernelLayout("/", "cpu io", "", 1);
        assertThat(CgroupLimits.detect(mount, self, 0).reason()).contains("not memory and pids");

        Path hybrid = Files.createDirectories(mount.resolve("hybrid"));
        Files.createDirectories(hybrid.resolve("unified"));
        Files.writeString(hybrid.resolve("unified/cgroup.controllers"), "hugetlb\n");
        assertThat(CgroupLimits.detect(hybrid, self, 0).reason()).startsWith("hybrid cgroup hierarchy");
        assertThat(CgroupLimits.detect(mount.resolve("none"), self, 0).reason()).contains("not mounted");
    }

    /** The files of the process's cgroup as the kernel shows them, and its {@code /proc/self/cgroup}. */
    private Path kernelLayout(String own, String controllers, String subtree, int pid) throws IOException {
        Files.writeString(mount.resolve("cgroup.controllers"), controllers + "\n");
        Path group = own.equals("/") ? mount : Files.createDirectories(mount.resolve(own.substring(1)));
        Files.writeString(group.resolve("cgroup.controllers"), controllers + "\n");
        Files.writeString(group.resolve("cgroup.subtree_control"), subtree + "\n");
        Files.writeString(group.resolve("cgroup.procs"), pid + "\n");
        Path self = Files.writeString(mount.resolve("self-cgroup"), "0::" + own + "\n");
        return self;
    }
}
