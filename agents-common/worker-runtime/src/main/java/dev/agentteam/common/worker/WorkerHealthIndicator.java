package dev.agentteam.common.worker;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.Objects;

/** The {@code worker} health: UP with the role, worker id and live claims while Redis answers; DOWN when it does not. */
class WorkerHealthIndicator implements HealthIndicator {

    private final Worker worker;
    private final StringRedisTemplate redis;

    WorkerHealthIndicator(Worker worker, StringRedisTemplate redis) {
        this.worker = worker;
        this.redis = redis;
    }

    @Override
    public Health health() {
        Health.Builder health;
        try {
            redis.execute((RedisCallback<String>) RedisConnection::ping);
            health = Health.up();
        } catch (RuntimeException e) {
            health = Health.down().withDetail("error", "Redis unreachable: " + Objects.toString(e.getMessage(), e.getClass().getSimpleName()));
        }
        return health.withDetail("role", worker.role().key())
                .withDetail("workerId", worker.workerId())
                .withDetail("running", worker.isRunning())
                .withDetail("liveClaims", worker.liveClaims())
                .withDetail("taskTypes", worker.taskTypes())
                .withDetail("lastHeartbeat", Objects.toString(worker.lastHeartbeat(), "never"))
                .build();
    }
}
