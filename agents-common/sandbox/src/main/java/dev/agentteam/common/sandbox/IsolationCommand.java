package dev.agentteam.common.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the command line that isolates a command: optionally drop to an unprivileged host user
 * ({@code setpriv}), then new user, network, PID and mount namespaces with a private /proc ({@code unshare}),
 * then {@code sandbox-init.sh} (a minimal root: read-only visible paths, private /dev, /proc, /tmp, /run;
 * all capabilities dropped), then resource limits
 * ({@code prlimit}). {@code --kill-child} ties the namespace's init to unshare, so killing unshare takes the
 * whole process tree down.
 */
final class IsolationCommand {

    /** Inside the sandbox the run directory is mounted here (see sandbox-init.sh). */
    static final String INSIDE_ROOT = "/tmp/sandbox";
    /** What sandbox-init.sh uses for its own steps. */
    private static final String SETUP_PATH = "/usr/sbin:/usr/bin:/sbin:/bin";

    private final Path unshare;
    private final Path prlimit;
    private final Path setpriv;
    private final String initScript;

    private IsolationCommand(Path unshare, Path prlimit, Path setpriv, String initScript) {
        this.unshare = unshare;
        this.prlimit = prlimit;
        this.setpriv = setpriv;
        this.initScript = initScript;
    }

    /** Finds the util-linux tools on the worker's PATH. */
    static IsolationCommand locate(String path) {
        List<String> missing = new ArrayList<>();
        Path unshare = find(path, "unshare", missing);
        Path prlimit = find(path, "prlimit", missing);
        Path setpriv = find(path, "setpriv", missing);
        String withSbin = path + ":" + SETUP_PATH;
        for (String tool : List.of("mount", "umount", "pivot_root", "sh", "cat", "sed")) {
            find(withSbin, tool, missing);
        }
        if (!missing.isEmpty()) {
            throw new SandboxUnavailableException("sandbox needs util-linux " + String.join(", ", missing)
                    + " on PATH; not found, so commands are refused instead of running unsandboxed");
        }
        return new IsolationCommand(unshare, prlimit, setpriv, loadInitScript());
    }

    List<String> wrap(List<String> command, SandboxProperties limits, SandboxUser user, Path runRoot) {
        List<String> argv = new ArrayList<>();
        if (user != null) {
            argv.addAll(List.of(setpriv.toString(), "--reuid=" + user.uid(), "--regid=" + user.gid(),
                    "--clear-groups", "--no-new-privs", "--"));
        }
        argv.addAll(List.of(unshare.toString(), "--user", "--map-root-user", "--net", "--pid", "--fork",
                "--kill-child", "--mount-proc"));
        argv.addAll(List.of("/bin/sh", "-c", initScript, "sandbox-init", runRoot.toString(), setpriv.toString(),
                String.join(":", limits.visiblePaths())));
        argv.addAll(List.of(prlimit.toString(),
                "--nproc=" + limits.maxProcesses(),
                "--data=" + limits.memory().toBytes(),
                "--fsize=" + limits.maxFileSize().toBytes(),
                "--cpu=" + limits.cpuTime().toSeconds(),
                "--core=0",
                "--"));
        argv.addAll(command);
        return argv;
    }

    private static String loadInitScript() {
        try (InputStream in = IsolationCommand.class.getResourceAsStream("sandbox-init.sh")) {
            if (in == null) {
                throw new SandboxUnavailableException("sandbox-init.sh missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SandboxUnavailableException("could not read sandbox-init.sh", e);
        }
    }

    private static Path find(String path, String tool, List<String> missing) {
        for (String dir : path.split(":")) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        missing.add(tool);
        return null;
    }
}
