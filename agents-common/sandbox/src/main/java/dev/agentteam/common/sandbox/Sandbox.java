package dev.agentteam.common.sandbox;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs repository commands (tests, builds) on untrusted code: in a fresh copy of the workspace, with a
 * scrubbed environment, no network, a private PID namespace, resource limits and a hard timeout. The
 * worker's own checkout and environment (which hold the tokens) stay out of reach.
 * <p>
 * Inside, the copy is the working directory {@code /tmp/sandbox/work}, with {@code HOME} and {@code TMPDIR}
 * beside it; of the host only the configured visible paths exist (read-only, e.g. {@code /usr}, {@code /etc});
 * {@code /tmp}, {@code /run}, {@code /dev} and {@code /proc} are private. When the worker runs as root, the
 * command runs as {@code runAsUid} on the host, which also makes RLIMIT_NPROC apply.
 */
public class Sandbox {

    private static final Logger log = LoggerFactory.getLogger(Sandbox.class);
    private static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);

    private final SandboxProperties properties;
    private final Map<String, String> workerEnvironment;
    private volatile Setup setup;

    public Sandbox(SandboxProperties properties) {
        this(properties, System.getenv());
    }

    Sandbox(SandboxProperties properties, Map<String, String> workerEnvironment) {
        this.properties = properties;
        this.workerEnvironment = Map.copyOf(workerEnvironment);
    }

    /** Runs {@code script} with {@code /bin/sh -c} in a copy of {@code workspace}. */
    public SandboxResult runShell(Path workspace, String script) {
        return run(workspace, List.of("/bin/sh", "-c", script));
    }

    /**
     * Runs {@code command} in a fresh copy of {@code workspace}; the copy is deleted afterwards.
     *
     * @throws SandboxUnavailableException when the isolation cannot be set up on this machine
     */
    public SandboxResult run(Path workspace, List<String> command) {
        return run(workspace, command, properties.timeout());
    }

    /** Like {@link #run(Path, List)} with another wall-clock limit for this command. */
    public SandboxResult run(Path workspace, List<String> command, Duration timeout) {
        return run(workspace, command, timeout, null);
    }

    /**
     * Like {@link #run(Path, List, Duration)}, and when the command has ended, copies the files {@code collect}
     * names out of the work copy before it is deleted (regular files only; links are never followed).
     */
    public SandboxResult run(Path workspace, List<String> command, Duration timeout, CollectFiles collect) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        if (command.isEmpty()) {
            throw new IllegalArgumentException("no command given");
        }
        if (!Files.isDirectory(workspace)) {
            throw new IllegalArgumentException("workspace " + workspace + " is not a directory");
        }
        Setup ready = ready();
        try (RunDirectory run = RunDirectory.create(properties.workRoot(), workspace, ready.user())) {
            SandboxResult result = execute(ready, run, command, timeout);
            if (collect != null) {
                FileCollector.collect(run.work(), collect);
            }
            return result;
        }
    }

    /**
     * Checks (once) that namespaces and limits work here; call at startup to fail early.
     *
     * @throws SandboxUnavailableException naming what is missing
     */
    public void verify() {
        ready();
    }

    private Setup ready() {
        Setup current = setup;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (setup == null) {
                setup = probe();
            }
            return setup;
        }
    }

    private Setup probe() {
        SandboxUser user = RunDirectory.prepareWorkRoot(properties);
        IsolationCommand isolation = IsolationCommand.locate(path());
        CgroupLimits cgroups = CgroupLimits.detect();
        Setup candidate = new Setup(isolation, user, cgroups);
        Path empty = properties.workRoot().resolve("probe-workspace");
        try {
            Files.createDirectories(empty);
            try (RunDirectory run = RunDirectory.create(properties.workRoot(), empty, user)) {
                SandboxResult result = execute(candidate, run, List.of("/bin/sh", "-c", "exit 0"), PROBE_TIMEOUT);
                if (!result.succeeded()) {
                    throw new SandboxUnavailableException("sandbox cannot be set up here with work root "
                            + properties.workRoot() + " (exit " + result.exitCode()
                            + "; needs unprivileged user namespaces, and a work root the sandbox uid can reach): "
                            + result.output().strip());
                }
            }
        } catch (IOException e) {
            throw new SandboxUnavailableException("cannot use sandbox work root " + properties.workRoot(), e);
        }
        log.info("Sandbox ready: namespaces user/net/pid/mount, running as {}; limits: rlimits (memory {}, processes {}, "
                + "file size {}, CPU {}), a hard timeout, and {}",
                user == null ? "the worker's own uid" : "uid " + user.uid(), properties.memory(),
                properties.maxProcesses(), properties.maxFileSize(), properties.cpuTime(), cgroups.describe(properties));
        return candidate;
    }

    /**
     * The cgroup v2 limits each command runs under, or why there are none on this host (set up on first use).
     *
     * @throws SandboxUnavailableException when the sandbox itself cannot be set up
     */
    public String cgroupLimits() {
        return ready().cgroups().describe(properties);
    }

    /** Whether each command runs in its own cgroup v2 with memory, process and CPU limits. */
    public boolean cgroupLimitsApply() {
        return ready().cgroups().available();
    }

    private SandboxResult execute(Setup ready, RunDirectory run, List<String> command, Duration timeout) {
        if (!ready.cgroups().available()) {
            return execute(ready, run, command, timeout, null);
        }
        try (CgroupLimits.Run cgroup = ready.cgroups().create(properties)) {
            return execute(ready, run, command, timeout, cgroup);
        } catch (IOException e) {
            throw new SandboxUnavailableException("could not create the command's cgroup", e);
        }
    }

    private SandboxResult execute(Setup ready, RunDirectory run, List<String> command, Duration timeout,
            CgroupLimits.Run cgroup) {
        List<String> argv = ready.isolation().wrap(command, properties, ready.user(), run.root());
        ProcessBuilder builder = new ProcessBuilder(cgroup == null ? argv : cgroup.enterThenRun(argv))
                .directory(run.work().toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = builder.environment();
        env.clear();
        properties.envAllowList().forEach(name -> {
            String value = workerEnvironment.get(name);
            if (value != null) {
                env.put(name, value);
            }
        });
        env.put("PATH", path());
        env.put("HOME", IsolationCommand.INSIDE_ROOT + "/home");
        env.put("TMPDIR", IsolationCommand.INSIDE_ROOT + "/tmp");
        env.put("LANG", workerEnvironment.getOrDefault("LANG", "C.UTF-8"));

        OutputCapture capture = new OutputCapture(properties.outputCap().toBytes());
        long started = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new SandboxUnavailableException("could not start the sandbox launcher", e);
        }
        Thread reader = new Thread(() -> {
            try {
                capture.drain(process.getInputStream());
            } catch (IOException ignored) {
                // the stream closes when we give up on it after a kill; what was read is kept
            }
        }, "sandbox-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        boolean timedOut = false;
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                timedOut = true;
                killTree(process);
            }
            int exit = process.waitFor();
            reader.join(Duration.ofSeconds(5).toMillis());
            if (reader.isAlive()) {
                process.getInputStream().close();
                reader.join(Duration.ofSeconds(1).toMillis());
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            return new SandboxResult(exit, timedOut, capture.text(), capture.truncated(), took);
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new CancellationException("sandboxed command interrupted; its process tree was killed");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Killing unshare makes the kernel kill the namespace's init and with it every process inside. */
    private static void killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    private String path() {
        return workerEnvironment.getOrDefault("PATH", DEFAULT_PATH);
    }

    /** The verified isolation and the host user commands run as ({@code null}: the worker's own uid). */
    private record Setup(IsolationCommand isolation, SandboxUser user, CgroupLimits cgroups) {
    }
}
