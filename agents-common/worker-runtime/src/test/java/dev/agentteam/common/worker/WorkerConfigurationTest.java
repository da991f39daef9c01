package dev.agentteam.common.worker;

import dev.agentteam.common.queue.QueueAutoConfiguration;
import dev.agentteam.common.queue.RedisTaskQueue;
import dev.agentteam.common.queue.ResultInbox;
import dev.agentteam.common.queue.TaskQueue;
import dev.agentteam.common.task.AgentRole;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which beans the auto-configurations give, and the clear errors of bad settings (no Redis traffic needed). */
class WorkerConfigurationTest {

    // Lettuce connects lazily: none of these contexts talks to Redis, but point at the test index anyway.
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, QueueAutoConfiguration.class,
                    WorkerAutoConfiguration.class))
            .withPropertyValues("spring.data.redis.database=" + System.getenv().getOrDefault("AGENT_TEAM_TEST_REDIS_DB", "15"));

    @Test
    void withoutARoleThereIsTheTaskQueueButNoWorkerAndNoResultInbox() {
        // the result inbox is the orchestrator's (agents-common/queue-server): the queue's auto-configuration has none
        runner.run(context -> {
            assertThat(context).hasSingleBean(TaskQueue.class).doesNotHaveBean(ResultInbox.class);
            assertThat(context).doesNotHaveBean(Worker.class).doesNotHaveBean(WorkerHealthIndicator.class);
        });
    }

    @Test
    void moreClaimLoopsThanPooledConnectionsIsAClearStartupError() {
        runner.withPropertyValues("agentteam.worker.role=dev", "agentteam.worker.concurrency=3",
                "spring.data.redis.lettuce.pool.enabled=true", "spring.data.redis.lettuce.pool.max-active=2")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("agentteam.worker.concurrency=3")
                        .hasMessageContaining("spring.data.redis.lettuce.pool.max-active to at least 3"));
    }

    @Test
    void aHeartbeatSlowerThanTheLeaseIsAClearStartupError() {
        runner.withPropertyValues("agentteam.worker.role=dev", "agentteam.worker.lease=10s",
                "agentteam.worker.heartbeat-interval=10s")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("heartbeat-interval (PT10S) must be shorter than agentteam.worker.lease"));
    }

    @Test
    void anUnknownRoleIsAStartupError() {
        runner.withPropertyValues("agentteam.worker.role=janitor")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void healthIsDownWhenRedisIsUnreachable() {
        LettuceConnectionFactory nowhere = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1));
        nowhere.afterPropertiesSet();
        nowhere.start();
        try {
            StringRedisTemplate redis = new StringRedisTemplate(nowhere);
            WorkerProperties settings = new WorkerProperties(AgentRole.DEV, "dev-w", 1, Duration.ofSeconds(60),
                    Duration.ofSeconds(20), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(30));
            Worker worker = new Worker(new RedisTaskQueue(redis), settings,
                    new TaskExecution(AgentRole.DEV, List.of(), new SimpleMeterRegistry()));

            Health health = new WorkerHealthIndicator(worker, redis).health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("role", "dev").containsEntry("workerId", "dev-w")
                    .containsKey("error");
            assertThat(health.getDetails().get("error").toString()).startsWith("Redis unreachable");
        } finally {
            nowhere.destroy();
        }
    }
}
