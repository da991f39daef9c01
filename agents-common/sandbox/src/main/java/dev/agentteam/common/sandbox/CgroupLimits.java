package dev.agentteam.common.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * cgroup v2 limits (memory, processes, CPU) for every sandboxed command, where the host delegates the worker's
 * cgroup to it; otherwise the reason why not (logged, and shown by the sandbox health). Unlike rlimits, which
 * count per process (memory) or per uid (processes), a cgroup counts the whole process tree of one command.
 * <p>
 * Delegated means: cgroup v2 is mounted at {@code /sys/fs/cgroup}, the worker's cgroup offers the memory and pids
 * controllers, is writable, and is the worker's own — the root of its cgroup namespace (a container on a
 * cgroup v2 host) or owned by the worker's non-root uid (systemd {@code Delegate=yes}). A root worker in a cgroup
 * of the host's service manager is left alone. Set-up follows the kernel's "no internal processes" rule: the
 * worker's processes move into a leaf {@code agentteam-worker}, the controllers are enabled for the children,
 * and each command gets a fresh {@code agentteam-sandboxes/run-<id>} that it enters before it starts.
 */
final class CgroupLimits {

    /** Bandwidth period (µs) for {@code cpu.max}; each command may use one CPU's worth of it. */
    static final long CPU_PERIOD = 100_000;
    private static final List<String> REQUIRED = List.of("memory", "pids");
    private static final String WORKER = "agentteam-worker";

    private final Path sandboxes;
    private final String reason;
    private final boolean cpu;

    private CgroupLimits(Path sandboxes, String reason, boolean cpu) {
        this.sandboxes = sandboxes;
        this.reason = reason;
        this.cpu = cpu;
    }

    /** Looks at this host: {@code /sys/fs/cgroup}, the process's own cgroup and uid. */
    static CgroupLimits detect() {
        int uid;
        try {
            uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return unavailable("cannot tell the worker's uid: " + e.getMessage());
        }
        return detect(Path.of("/sys/fs/cgroup"), Path.of("/proc/self/cgroup"), uid);
    }

    static CgroupLimits detect(Path mount, Path selfCgroup, int uid) {
        if (!Files.isRegularFile(mount.resolve("cgroup.controllers"))) {
            return unavailable(Files.isRegularFile(mount.resolve("unified/cgroup.controllers"))
                    ? "hybrid cgroup hierarchy: the memory, pids and cpu controllers are bound to cgroup v1, cgroup v2 "
                            + "(" + mount.resolve("unified") + ") has none of them"
                    : "cgroup v2 is not mounted at " + mount + " (cgroup v1 or none)");
        }
        try {
            String own = Files.readAllLines(selfCgroup).stream().filter(line -> line.startsWith("0::"))
                    .map(line -> line.substring(3)).findFirst().orElse(null);
            if (own == null) {
                return unavailable("this process has no cgroup v2 membership in " + selfCgroup);
            }
            if (own.endsWith("/" + WORKER)) {
                // set up before (another sandbox in this JVM): the delegated cgroup is the leaf's parent
                own = own.length() == WORKER.length() + 1 ? "/" : own.substring(0, own.length() - WORKER.length() - 1);
            }
            Path group = own.equals("/") ? mount : mount.resolve(own.substring(1));
            Set<String> controllers = Set.of(read(group.resolve("cgroup.controllers")).split("\\s+"));
            if (!controllers.containsAll(REQUIRED)) {
                return unavailable("the worker's cgroup " + own + " offers controllers " + controllers
                        + ", not memory and pids");
            }
            boolean ownsIt = own.equals("/") || uid != 0
                    && Integer.valueOf(uid).equals(Files.getAttribute(group, "unix:uid"));
            if (!ownsIt || !Files.isWritable(group.resolve("cgroup.subtree_control"))
                    || !Files.isWritable(group.resolve("cgroup.procs"))) {
                return unavailable("the worker's cgroup " + own + " is not delegated to it (run the worker in a "
                        + "container with a private cgroup namespace, or under systemd with Delegate=yes)");
            }
            boolean cpu = controllers.contains("cpu");
            return new CgroupLimits(prepare(group, cpu), null, cpu);
        } catch (IOException | RuntimeException e) {
            return unavailable("setting up the sandbox cgroups failed: " + e.getMessage());
        }
    }

    private static CgroupLimits unavailable(String reason) {
        return new CgroupLimits(null, reason, false);
    }

    /** Moves the worker into a leaf, enables the controllers below its cgroup, and makes the sandboxes' parent. */
    private static Path prepare(Path group, boolean cpu) throws IOException {
        String enable = cpu ? "+memory +pids +cpu" : "+memory +pids";
        Path sandboxes = group.resolve("agentteam-sandboxes");
        List<String> enabled = Arrays.stream(read(group.resolve("cgroup.subtree_control")).split("\\s+"))
                .map(controller -> controller.replaceFirst("^\\+", "")).toList();
        if (!enabled.containsAll(REQUIRED) || cpu && !enabled.contains("cpu")) {
            Path worker = Files.createDirectories(group.resolve(WORKER));
            for (String pid : Files.readAllLines(group.resolve("cgroup.procs"))) {
                if (!pid.isBlank()) {
                    Files.writeString(worker.resolve("cgroup.procs"), pid.strip());
                }
            }
            Files.writeString(group.resolve("cgroup.subtree_control"), enable);
        }
        Files.createDirectories(sandboxes);
        Files.writeString(sandboxes.resolve("cgroup.subtree_control"), enable);
        return sandboxes;
    }

    boolean available() {
        return sandboxes != null;
    }

    /** Why no cgroup limits apply ({@code null} when they do). */
    String reason() {
        return reason;
    }

    /** One line for the log and the health: what applies, or why nothing does. */
    String describe(SandboxProperties limits) {
        return available()
                ? "cgroup v2 (" + sandboxes + "): memory " + limits.memory() + " without swap, " + limits.maxProcesses()
                        + " processes" + (cpu ? ", one CPU" : ", no CPU limit (cpu controller not offered)")
                : "no cgroup limits: " + reason;
    }

    /** A fresh cgroup for one command, with the limits written; close it after the command has ended. */
    Run create(SandboxProperties limits) throws IOException {
        Path run = Files.createDirectory(sandboxes.resolve("run-" + UUID.randomUUID()));
        Files.writeString(run.resolve("memory.max"), String.valueOf(limits.memory().toBytes()));
        if (Files.exists(run.resolve("memory.swap.max"))) {
            Files.writeString(run.resolve("memory.swap.max"), "0");
        }
        Files.writeString(run.resolve("pids.max"), String.valueOf(limits.maxProcesses()));
        if (cpu) {
            Files.writeString(run.resolve("cpu.max"), CPU_PERIOD + " " + CPU_PERIOD);
        }
        return new Run(run);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file).strip();
    }

    /** The cgroup of one command. */
    record Run(Path directory) implements AutoCloseable {

        /** The command line that enters this cgroup and then executes {@code argv}. */
        List<String> enterThenRun(List<String> argv) {
            List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c", "echo $$ > \"$0\" && exec \"$@\"",
                    directory.resolve("cgroup.procs").toString()));
            wrapped.addAll(argv);
            return wrapped;
        }

        /** Kills whatever is left in it and removes it. */
        @Override
        public void close() {
            try {
                if (Files.exists(directory.resolve("cgroup.kill"))) {
                    Files.writeString(directory.resolve("cgroup.kill"), "1");
                }
                for (int attempt = 0; attempt < 50 && Files.exists(directory); attempt++) {
                    try {
                        Files.delete(directory);
                    } catch (IOException busy) {
                        Thread.sleep(20);
                    }
                }
            } catch (IOException e) {
                // a cgroup left behind is empty once its processes are gone; the next start's set-up keeps working
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
