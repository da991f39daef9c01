package dev.agentteam.orchestrator.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A real agent application (worker, scripted model, the embedded forge client) started in the test JVM on the
 * orchestrator's Postgres, Redis and forge, with short worker timings. Like a deployed agent it holds no forge token,
 * only its role's agent token from the orchestrator's settings, and works with each task's own forge credential.
 */
public final class AgentApplications {

    private AgentApplications() {
    }

    public static ConfigurableApplicationContext start(Class<?> application, String role, Environment orchestrator,
                                                       Path workRoot, String... extra) {
        List<String> properties = settings(role, orchestrator, workRoot, extra);
        return new SpringApplicationBuilder(application).web(WebApplicationType.NONE).logStartupInfo(false)
                .properties(properties.toArray(String[]::new)).run();
    }

    /**
     * The same agent with the same settings in a JVM of its own (the test classpath), so that a test can kill it for
     * real ({@link Process#destroyForcibly()}: no shutdown hook, no graceful release of its claims). Its output goes to
     * {@code log}.
     */
    public static Process startProcess(Class<?> application, String role, Environment orchestrator, Path workRoot,
                                       Path log, String... extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                application.getName(), "--spring.main.web-application-type=none"));
        settings(role, orchestrator, workRoot, extra).forEach(setting -> command.add("--" + setting));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static List<String> settings(String role, Environment orchestrator, Path workRoot, String... extra) {
        List<String> properties = new ArrayList<>(List.of(
                "spring.main.banner-mode=off",
                "spring.application.name=" + role + "-agent-test",
                "spring.datasource.url=" + orchestrator.getProperty("spring.datasource.url"),
                "spring.datasource.username=" + orchestrator.getProperty("spring.datasource.username"),
                "spring.datasource.password=" + orchestrator.getProperty("spring.datasource.password"),
                "spring.flyway.enabled=false",
                "spring.jpa.hibernate.ddl-auto=none",
                "spring.data.redis.host=" + orchestrator.getProperty("spring.data.redis.host", "127.0.0.1"),
                "spring.data.redis.port=" + orchestrator.getProperty("spring.data.redis.port", "6379"),
                "spring.data.redis.database=" + orchestrator.getProperty("spring.data.redis.database", "0"),
                "agentteam.worker.role=" + role,
                "agentteam.worker.id=" + role + "-e2e",
                "agentteam.worker.lease=20s",
                "agentteam.worker.heartbeat-interval=1s",
                "agentteam.worker.poll-wait=200ms",
                "agentteam.worker.shutdown-grace=2s",
                "agentteam.llm.provider=scripted",
                // no forge token: the agent fetches each task's credential with its role's agent token
                "agentteam.embedded-forge.agent-token="
                        + orchestrator.getProperty("agentteam.security.agents.tokens." + role, ""),
                "agentteam.workspace.work-root=" + workRoot));
        properties.addAll(List.of(extra));
        // a later setting of the same key wins (on a command line both would be kept, joined with a comma)
        Map<String, String> byKey = new LinkedHashMap<>();
        properties.forEach(setting -> byKey.put(setting.substring(0, setting.indexOf('=')), setting));
        return List.copyOf(byKey.values());
    }
}
