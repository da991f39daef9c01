package dev.agentteam.orchestrator.devwork;

import dev.agentteam.dev.DevAgentApplication;
import dev.agentteam.orchestrator.support.AgentApplications;
import java.nio.file.Path;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The real Dev agent application (worker, scripted model, sandbox, git, the embedded forge client) in the test JVM, on
 * the orchestrator's Postgres, Redis and forge.
 */
final class DevWorker implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private DevWorker(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static DevWorker start(Environment orchestrator, Path workRoot, String... settings) {
        String[] all = java.util.stream.Stream.concat(java.util.stream.Stream.of("agentteam.dev.test-timeout=2m"),
                java.util.Arrays.stream(settings)).toArray(String[]::new);
        return new DevWorker(AgentApplications.start(DevAgentApplication.class, "dev", orchestrator, workRoot, all));
    }

    @Override
    public void close() {
        context.close();
    }
}
