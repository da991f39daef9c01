package dev.agentteam.orchestrator.retrieval;

import java.nio.file.Path;

import dev.agentteam.orchestrator.support.AgentApplications;
import dev.agentteam.review.ReviewAgentApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/** The real Review agent application (scripted model, git, the embedded forge client, retrieval) in the test JVM. */
final class ReviewWorker implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private ReviewWorker(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static ReviewWorker start(Environment orchestrator, Path workRoot) {
        return new ReviewWorker(AgentApplications.start(ReviewAgentApplication.class, "review", orchestrator,
                workRoot));
    }

    @Override
    public void close() {
        context.close();
    }
}
