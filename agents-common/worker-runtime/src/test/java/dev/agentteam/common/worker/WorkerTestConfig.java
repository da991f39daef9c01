package dev.agentteam.common.worker;

import dev.agentteam.common.task.TaskResult;
import dev.agentteam.common.testing.ContainerServices;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Duration;

/**
 * One context for the worker tests: a cicd worker (a role no other agents-common test enqueues for, so the
 * cached context's worker never takes another test's tasks) with three handlers.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(ContainerServices.class)
class WorkerTestConfig {

    static final String PROPERTIES_ROLE = "agentteam.worker.role=cicd";

    @Bean
    TaskHandler echo() {
        return handler("cicd.echo", (task, ctx) -> {
            ctx.progress("echoing");
            return TaskResult.succeeded(task, ctx.workerId(), new Echo(task.payload().get("text")), null);
        });
    }

    @Bean
    TaskHandler explode() {
        return handler("cicd.explode", (task, ctx) -> {
            throw new IllegalStateException("disk full\n\tat somewhere.Else(Else.java:1)");
        });
    }

    @Bean
    TaskHandler flaky() {
        return handler("cicd.flaky", (task, ctx) -> {
            throw new TransientTaskException("rate limited by the model provider", Duration.ofSeconds(30), null);
        });
    }

    interface Body {
        TaskResult handle(dev.agentteam.common.task.TaskEnvelope task, WorkerContext ctx) throws Exception;
    }

    static TaskHandler handler(String type, Body body) {
        return new TaskHandler() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public TaskResult handle(dev.agentteam.common.task.TaskEnvelope task, WorkerContext context) throws Exception {
                return body.handle(task, context);
            }
        };
    }
}
