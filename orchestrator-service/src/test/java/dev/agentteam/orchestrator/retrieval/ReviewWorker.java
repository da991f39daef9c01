package dev.agentteam.orchestrator.retrieval;

import java.nio.file.Path;

import dev.agentteam.review.ReviewAgentApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/** The real Review agent application (scripted model, git, the embedded forge client, retrieval) in the test JVM. */
final class ReviewWorker implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private ReviewWorker(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static ReviewWorker start(Environment orchestrator, String forgeToken, Path workRoot) {
        return new ReviewWorker(new SpringApplicationBuilder(ReviewAgentApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties(
                        "spring.main.banner-mode=off",
                        "spring.application.name=review-agent-test",
                        "spring.datasource.url=" + orchestrator.getProperty("spring.datasource.url"),
                        "spring.datasource.username=" + orchestrator.getProperty("spring.datasource.username"),
                        "spring.datasource.password=" + orchestrator.getProperty("spring.datasource.password"),
                        "spring.flyway.enabled=false",
                        "spring.data.redis.host=" + orchestrator.getProperty("spring.data.redis.host", "127.0.0.1"),
                        "spring.data.redis.port=" + orchestrator.getProperty("spring.data.redis.port", "6379"),
                        "spring.data.redis.database=" + orchestrator.getProperty("spring.data.redis.database", "0"),
                        "agentteam.worker.role=review",
                        "agentteam.worker.id=review-e2e",
                        "agentteam.worker.lease=20s",
                        "agentteam.worker.heartbeat-interval=1s",
                        "agentteam.worker.poll-wait=200ms",
                        "agentteam.worker.shutdown-grace=2s",
                        "agentteam.llm.provider=scripted",
                        "agentteam.embedded-forge.token=" + forgeToken,
                        "agentteam.workspace.work-root=" + workRoot)
                .run());
    }

    @Override
    public void close() {
        context.close();
    }
}
