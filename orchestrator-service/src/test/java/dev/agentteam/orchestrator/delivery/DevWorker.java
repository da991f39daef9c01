package dev.agentteam.orchestrator.delivery;

import dev.agentteam.dev.DevAgentApplication;
import java.nio.file.Path;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
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

    static DevWorker start(Environment orchestrator, String forgeToken, Path workRoot) {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(DevAgentApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties(
                        "spring.main.banner-mode=off",
                        "spring.application.name=dev-agent-test",
                        "spring.datasource.url=" + orchestrator.getProperty("spring.datasource.url"),
                        "spring.datasource.username=" + orchestrator.getProperty("spring.datasource.username"),
                        "spring.datasource.password=" + orchestrator.getProperty("spring.datasource.password"),
                        "spring.flyway.enabled=false",
                        "spring.jpa.hibernate.ddl-auto=none",
                        "spring.data.redis.host=" + orchestrator.getProperty("spring.data.redis.host", "127.0.0.1"),
                        "spring.data.redis.port=" + orchestrator.getProperty("spring.data.redis.port", "6379"),
                        "spring.data.redis.database=" + orchestrator.getProperty("spring.data.redis.database", "0"),
                        "agentteam.worker.role=dev",
                        "agentteam.worker.id=dev-e2e",
                        "agentteam.worker.lease=20s",
                        "agentteam.worker.heartbeat-interval=1s",
                        "agentteam.worker.poll-wait=200ms",
                        "agentteam.worker.shutdown-grace=2s",
                        "agentteam.llm.provider=scripted",
                        "agentteam.embedded-forge.token=" + forgeToken,
                        "agentteam.dev.test-timeout=2m",
                        "agentteam.workspace.work-root=" + workRoot);
        return new DevWorker(builder.run());
    }

    @Override
    public void close() {
        context.close();
    }
}
