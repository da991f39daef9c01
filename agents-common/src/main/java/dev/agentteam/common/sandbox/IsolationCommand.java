package dev.agentteam.common.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the command line that isolates a command: optionally drop to an unprivileged host user
 * ({@code setpriv}), then new user, network, PID and mount namespaces with a private /proc ({@code unshare}),
 * then resource limits ({@code prlimit}). {@code --kill-child} ties the namespace's init to unshare, so
 * killing unshare takes the whole process tree down.
 */
final class IsolationCommand {

    private final Path unshare;
    private final Path prlimit;
    private final Path setpriv;

    private IsolationCommand(Path unshare, Path prlimit, Path setpriv) {
        this.unshare = unshare;
        this.prlimit = prlimit;
        this.setpriv = setpriv;
    }

    /** Finds the util-linux tools on the worker's PATH. */
    static IsolationCommand locate(String path, boolean needsSetpriv) {
        List<String> missing = new ArrayList<>();
        Path unshare = find(path, "unshare", missing);
        Path prlimit = find(path, "prlimit", missing);
        Path setpriv = needsSetpriv ? find(path, "setpriv", missing) : null;
        if (!missing.isEmpty()) {
            throw new SandboxUnavailableException("sandbox needs util-linux " + String.join(", ", missing)
                    + " on PATH; not found, so commands are refused instead of running unsandboxed");
        }
        return new IsolationCommand(unshare, prlimit, setpriv);
    }

    List<String> wrap(List<String> command, SandboxProperties limits, SandboxUser user) {
        List<String> argv = new ArrayList<>();
        if (user != null) {
            argv.addAll(List.of(setpriv.toString(), "--reuid=" + user.uid(), "--regid=" + user.gid(),
                    "--clear-groups", "--no-new-privs", "--"));
        }
        argv.addAll(List.of(unshare.toString(), "--user", "--map-root-user", "--net", "--pid", "--fork",
                "--kill-child", "--mount-proc"));
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
