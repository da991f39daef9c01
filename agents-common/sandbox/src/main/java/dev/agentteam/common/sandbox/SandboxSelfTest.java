package dev.agentteam.common.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Proves at start-up that the sandbox isolates here (in a container too): a command is spawned, sees no network but
 * loopback, no secret of the worker (variables, /run/secrets, the worker's files), runs under the process and file
 * limits, and is killed at its timeout. Each failed promise is one line of {@link Result#problems()}.
 */
public final class SandboxSelfTest {

    /** What the self-test found: no problems means the sandbox keeps every promise. */
    /**
     * @param cgroupLimits the cgroup v2 limits commands run under, or why there are none here (not a problem by itself:
     *                     the rlimits and the timeout still hold)
     */
    public record Result(List<String> problems, Duration took, String cgroupLimits) {

        public boolean passed() {
            return problems.isEmpty();
        }
    }

    private static final String MARK = "selftest:";
    private static final Pattern SECRET_NAME = Pattern.compile("(?i)(token|secret|password|passwd|api_?key|credential)");

    private final Sandbox sandbox;
    private final SandboxProperties limits;
    private final Map<String, String> workerEnvironment;

    public SandboxSelfTest(Sandbox sandbox, SandboxProperties limits, Map<String, String> workerEnvironment) {
        this.sandbox = sandbox;
        this.limits = limits;
        this.workerEnvironment = workerEnvironment;
    }

    public Result run() {
        long started = System.nanoTime();
        List<String> problems = new ArrayList<>();
        String cgroupLimits = "unknown";
        Path workspace = null;
        try {
            workspace = Files.createTempDirectory("sandbox-self-test");
            check(workspace, problems);
            cgroupLimits = sandbox.cgroupLimits();
        } catch (SandboxUnavailableException e) {
            problems.add("the sandbox cannot start here: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            problems.add("the self-test itself failed: " + e);
        } finally {
            if (workspace != null) {
                workspace.toFile().delete();
            }
        }
        return new Result(List.copyOf(problems), Duration.ofNanos(System.nanoTime() - started), cgroupLimits);
    }

    private void check(Path workspace, List<String> problems) {
        String script = String.join("; ",
                "echo " + MARK + "spawned",
                "echo " + MARK + "interfaces $(tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' ' | tr '\\n' ' ')",
                "echo " + MARK + "secrets-dir $(test -e /run/secrets && echo visible || echo absent)",
                "echo " + MARK + "processes $(ulimit -u)",
                "echo " + MARK + "file-size $(ulimit -f)",
                "echo " + MARK + "cgroup $(grep '^0::' /proc/self/cgroup)",
                "echo " + MARK + "env-begin; env; echo " + MARK + "env-end");
        SandboxResult result = sandbox.run(workspace, List.of("/bin/sh", "-c", script), limits.timeout());
        String out = result.output();
        if (!result.succeeded() || !out.contains(MARK + "spawned")) {
            problems.add("a command does not run in the sandbox (exit " + result.exitCode() + "): " + out.strip());
            return;
        }
        String interfaces = value(out, "interfaces");
        if (!interfaces.isBlank() && !interfaces.equals("lo")) {
            problems.add("the sandbox has network interfaces besides loopback: " + interfaces);
        }
        if (value(out, "secrets-dir").equals("visible")) {
            problems.add("/run/secrets is visible inside the sandbox");
        }
        if (value(out, "processes").equals("unlimited")) {
            problems.add("the process limit (agentteam.sandbox.max-processes) does not hold");
        }
        if (value(out, "file-size").equals("unlimited")) {
            problems.add("the file size limit (agentteam.sandbox.max-file-size) does not hold");
        }
        if (sandbox.cgroupLimitsApply() && !value(out, "cgroup").contains("/agentteam-sandboxes/run-")) {
            problems.add("cgroup limits are set up but the command is not in its cgroup: " + value(out, "cgroup"));
        }
        String env = out.substring(out.indexOf(MARK + "env-begin"), Math.max(out.indexOf(MARK + "env-end"), 0) + 1);
        for (Map.Entry<String, String> variable : workerEnvironment.entrySet()) {
            boolean secret = SECRET_NAME.matcher(variable.getKey()).find() && variable.getValue().length() >= 8;
            if (secret && env.contains(variable.getValue())) {
                problems.add("the worker's secret " + variable.getKey() + " is visible inside the sandbox");
            }
        }
        SandboxResult slow = sandbox.run(workspace, List.of("/bin/sh", "-c", "sleep 30"), Duration.ofSeconds(1));
        if (!slow.timedOut() || slow.duration().compareTo(Duration.ofSeconds(20)) > 0) {
            problems.add("the timeout does not hold: a 1 s limit let 'sleep 30' run " + slow.duration().toSeconds() + " s");
        }
    }

    private static String value(String output, String key) {
        return output.lines().filter(l -> l.startsWith(MARK + key + " ")).map(l -> l.substring((MARK + key).length()).strip())
                .findFirst().orElse("");
    }
}
