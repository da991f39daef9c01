package dev.agentteam.common.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits for commands run on untrusted repository code.
 *
 * @param timeout        hard wall-clock limit of commands that bring none of their own (the start-up self-test); the
 *                       agents' test runs have theirs (AGENTTEAM_DEV_TEST_TIMEOUT, AGENTTEAM_CICD_TEST_TIMEOUT,
 *                       AGENTTEAM_QA_RERUN_TIMEOUT). The whole process tree is killed after it
 * @param memory         data segment limit per process (RLIMIT_DATA: unlike RLIMIT_AS it does not count
 *                       the address space a JVM merely reserves, so builds that fork a JVM still start)
 * @param maxProcesses   processes the sandbox user may have at once (RLIMIT_NPROC)
 * @param maxFileSize    largest file a process may write (RLIMIT_FSIZE)
 * @param cpuTime        CPU time per process (RLIMIT_CPU, whole seconds)
 * @param outputCap      bytes of combined stdout/stderr kept (head and tail)
 * @param envAllowList   names of worker environment variables passed through (besides PATH, HOME, LANG, TMPDIR)
 * @param workRoot       where the fresh copies live while a command runs
 * @param visiblePaths   host directories the command sees (read-only); nothing else of the host file system is
 *                       there. Add a pre-filled dependency cache here for offline builds (there is no network)
 * @param runAsUid       host uid the command runs as when the worker is root; RLIMIT_NPROC is not enforced
 *                       for host root, and a non-root uid cannot write the worker's files
 * @param runAsGid       host gid to go with {@code runAsUid}
 */
@ConfigurationProperties("agentteam.sandbox")
public record SandboxProperties(
        Duration timeout,
        DataSize memory,
        int maxProcesses,
        DataSize maxFileSize,
        Duration cpuTime,
        DataSize outputCap,
        List<String> envAllowList,
        Path workRoot,
        List<String> visiblePaths,
        int runAsUid,
        int runAsGid) {

    private static final List<String> DEFAULT_VISIBLE =
            List.of("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc", "/opt");

    public SandboxProperties {
        timeout = timeout != null ? timeout : Duration.ofMinutes(10);
        memory = memory != null ? memory : DataSize.ofGigabytes(2);
        maxProcesses = maxProcesses > 0 ? maxProcesses : 256;
        maxFileSize = maxFileSize != null ? maxFileSize : DataSize.ofGigabytes(1);
        cpuTime = cpuTime != null ? cpuTime : Duration.ofMinutes(10);
        outputCap = outputCap != null ? outputCap : DataSize.ofMegabytes(1);
        envAllowList = envAllowList != null ? List.copyOf(envAllowList) : List.of();
        workRoot = workRoot != null ? workRoot : Path.of(System.getProperty("java.io.tmpdir"), "agent-team-sandbox");
        visiblePaths = visiblePaths != null && !visiblePaths.isEmpty() ? List.copyOf(visiblePaths) : DEFAULT_VISIBLE;
        for (String visible : visiblePaths) {
            if (!visible.startsWith("/") || visible.contains(":") || visible.equals("/") || visible.contains("..")) {
                throw new IllegalArgumentException("agentteam.sandbox.visible-paths: '" + visible
                        + "' must be an absolute directory below / without ':' or '..'");
            }
        }
        runAsUid = runAsUid > 0 ? runAsUid : 65534;
        runAsGid = runAsGid > 0 ? runAsGid : 65534;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("agentteam.sandbox.timeout must be positive");
        }
        if (cpuTime.toSeconds() < 1) {
            throw new IllegalArgumentException("agentteam.sandbox.cpu-time must be at least one second");
        }
    }

    /** All defaults. */
    public static SandboxProperties defaults() {
        return new SandboxProperties(null, null, 0, null, null, null, null, null, null, 0, 0);
    }
}
