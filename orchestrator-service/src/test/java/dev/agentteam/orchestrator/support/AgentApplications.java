package dev.agentteam.orchestrator.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A real agent application (worker, scripted model, the embedded forge client) started in the test JVM on the
 * orchestrator's Postgres, Redis and forge, with short worker timings.
 */
public final class AgentApplications {

    private AgentApplications() {
    }

    public static ConfigurableApplicationContext start(Class<?> application, String role, Environment orchestrator,
                                                       String forgeToken, Path workRoot, String... extra) {
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
                "agentteam.embedded-forge.token=" + forgeToken,
                "agentteam.workspace.work-root=" + workRoot));
        properties.addAll(List.of(extra));
        return new SpringApplicationBuilder(application).web(WebApplicationType.NONE).logStartupInfo(false)
                .properties(properties.toArray(String[]::new)).run();
    }
}
