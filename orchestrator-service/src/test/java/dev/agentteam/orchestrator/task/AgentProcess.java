package dev.agentteam.orchestrator.task;

import dev.agentteam.common.queue.QueueAutoConfiguration;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.worker.TaskHandler;
import dev.agentteam.common.worker.WorkerAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A real agent process in the test JVM: its own Spring context with the agents-common worker runtime (claim
 * loops, heartbeat, reaper) on the same Redis db as the orchestrator under test, and small test handlers.
 */
final class AgentProcess implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private AgentProcess(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static AgentProcess start(Environment orchestrator, AgentRole role, String workerId, TaskHandler... handlers) {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(AgentApp.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties(
                        "spring.main.banner-mode=off",
                        "spring.data.redis.host=" + orchestrator.getProperty("spring.data.redis.host", "127.0.0.1"),
                        "spring.data.redis.port=" + orchestrator.getProperty("spring.data.redis.port", "6379"),
                        "spring.data.redis.database=" + orchestrator.getProperty("spring.data.redis.database", "0"),
                        "agentteam.worker.role=" + role.key(),
                        "agentteam.worker.id=" + workerId,
                        "agentteam.worker.lease=2s",
                        "agentteam.worker.heartbeat-interval=500ms",
                        "agentteam.worker.poll-wait=200ms",
                        "agentteam.worker.reaper-interval=300ms",
                        "agentteam.worker.shutdown-grace=1s")
                .initializers(context -> {
                    for (int i = 0; i < handlers.length; i++) {
                        context.getBeanFactory().registerSingleton("testHandler" + i, handlers[i]);
                    }
                });
        return new AgentProcess(builder.run());
    }

    @Override
    public void close() {
        context.close();
    }

    // Deliberately not @SpringBootConfiguration: the orchestrator tests in this package must keep finding the real one.
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataRedisAutoConfiguration.class, QueueAutoConfiguration.class, WorkerAutoConfiguration.class})
    static class AgentApp {
    }
}
