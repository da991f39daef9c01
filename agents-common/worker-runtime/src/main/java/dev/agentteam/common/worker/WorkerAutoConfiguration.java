package dev.agentteam.common.worker;

import dev.agentteam.common.queue.QueueAutoConfiguration;
import dev.agentteam.common.queue.TaskQueue;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettucePoolingClientConfiguration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The worker runtime, for the agent apps only: it runs where {@code agentteam.worker.role} is set (the
 * orchestrator gets the queue beans but no worker).
 */
@AutoConfiguration(after = QueueAutoConfiguration.class)
@ConditionalOnProperty(prefix = "agentteam.worker", name = "role")
@ConditionalOnBean(TaskQueue.class)
@EnableConfigurationProperties(WorkerProperties.class)
public class WorkerAutoConfiguration {

    @Bean
    Worker worker(TaskQueue queue, WorkerProperties settings, ObjectProvider<TaskHandler> handlers,
                  ObjectProvider<MeterRegistry> meters, StringRedisTemplate redis) {
        requirePoolRoom(redis.getConnectionFactory(), settings.concurrency());
        TaskExecution execution = new TaskExecution(settings.role(), handlers.orderedStream().toList(),
                meters.getIfAvailable(SimpleMeterRegistry::new));
        return new Worker(queue, settings, execution);
    }

    @Bean
    MeterBinder workerQueueMeters(TaskQueue queue, Worker worker) {
        String role = worker.role().key();
        return registry -> {
            Gauge.builder("agentteam.queue.pending", queue, q -> pendingOrNaN(q, worker))
                    .description("Tasks waiting in this role's pending list").tag("role", role).register(registry);
            Gauge.builder("agentteam.worker.claims.live", worker, Worker::liveClaims)
                    .description("Tasks this worker process is working on").tag("role", role).register(registry);
        };
    }

    /** Each claim loop holds a pooled connection while it blocks; a smaller pool would stall the loops. */
    private static void requirePoolRoom(RedisConnectionFactory factory, int concurrency) {
        if (factory instanceof LettuceConnectionFactory lettuce
                && lettuce.getClientConfiguration() instanceof LettucePoolingClientConfiguration pooling) {
            int max = pooling.getPoolConfig().getMaxTotal();
            if (max >= 0 && max < concurrency) {
                throw new IllegalStateException("agentteam.worker.concurrency=" + concurrency + " needs as many pooled Redis "
                        + "connections for its blocking claims: set spring.data.redis.lettuce.pool.max-active to at least "
                        + concurrency + " (it is " + max + ")");
            }
        }
    }

    private static double pendingOrNaN(TaskQueue queue, Worker worker) {
        try {
            return queue.pendingCount(worker.role());
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("worker")
    static class WorkerHealthConfiguration {

        @Bean
        WorkerHealthIndicator workerHealthIndicator(Worker worker, StringRedisTemplate redis) {
            return new WorkerHealthIndicator(worker, redis);
        }
    }
}
