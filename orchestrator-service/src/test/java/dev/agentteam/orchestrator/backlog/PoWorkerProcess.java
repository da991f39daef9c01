package dev.agentteam.orchestrator.backlog;

import dev.agentteam.common.audit.AuditAutoConfiguration;
import dev.agentteam.common.llm.LlmAutoConfiguration;
import dev.agentteam.common.queue.QueueAutoConfiguration;
import dev.agentteam.common.worker.WorkerAutoConfiguration;
import dev.agentteam.po.PoAgentConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import java.util.ArrayList;
import java.util.List;

/**
 * The real PO agent in the test JVM: its own Spring context with the worker runtime, the LLM gateway (auditing into
 * the same Postgres) and the PO's role logic, on the orchestrator's Redis db — the same pieces as the po-agent app,
 * without its web server.
 */
public final class PoWorkerProcess implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private PoWorkerProcess(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** @param settings extra {@code key=value} settings, e.g. the model provider */
    public static PoWorkerProcess start(Environment orchestrator, String... settings) {
        List<String> properties = new ArrayList<>(List.of(
                // none of the orchestrator's application.properties: this is another process
                "spring.config.name=po-worker-under-test",
                "spring.main.banner-mode=off",
                "spring.datasource.url=" + orchestrator.getProperty("spring.datasource.url"),
                "spring.datasource.username=" + orchestrator.getProperty("spring.datasource.username"),
                "spring.datasource.password=" + orchestrator.getProperty("spring.datasource.password"),
                "spring.data.redis.host=" + orchestrator.getProperty("spring.data.redis.host", "127.0.0.1"),
                "spring.data.redis.port=" + orchestrator.getProperty("spring.data.redis.port", "6379"),
                "spring.data.redis.database=" + orchestrator.getProperty("spring.data.redis.database", "0"),
                "agentteam.worker.role=po",
                "agentteam.worker.id=po-under-test",
                "agentteam.worker.lease=5s",
                "agentteam.worker.heartbeat-interval=500ms",
                "agentteam.worker.poll-wait=200ms",
                "agentteam.worker.reaper-interval=1s",
                "agentteam.worker.shutdown-grace=2s"));
        properties.addAll(List.of(settings));
        return new PoWorkerProcess(new SpringApplicationBuilder(PoApp.class).web(WebApplicationType.NONE)
                .logStartupInfo(false).properties(properties.toArray(String[]::new)).run());
    }

    @Override
    public void close() {
        context.close();
    }

    // A test configuration: the orchestrator's component scan skips it, and it is no @SpringBootConfiguration that
    // the orchestrator's tests in this package could find instead of the real one.
    @TestConfiguration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
            JdbcClientAutoConfiguration.class, DataRedisAutoConfiguration.class, QueueAutoConfiguration.class,
            WorkerAutoConfiguration.class, AuditAutoConfiguration.class, LlmAutoConfiguration.class})
    @Import(PoAgentConfiguration.class)
    static class PoApp {
    }
}
