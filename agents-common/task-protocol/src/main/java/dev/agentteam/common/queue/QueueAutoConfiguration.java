package dev.agentteam.common.queue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettucePoolingClientConfiguration;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;

/** The Redis task queue, for the orchestrator and every agent (the orchestrator's result inbox: {@code ResultInboxAutoConfiguration}). */
@AutoConfiguration(after = DataRedisAutoConfiguration.class)
@ConditionalOnBean(StringRedisTemplate.class)
public class QueueAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(QueueAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean(TaskQueue.class)
    RedisTaskQueue redisTaskQueue(StringRedisTemplate redis) {
        warnWithoutPool(redis.getConnectionFactory());
        return new RedisTaskQueue(redis, commandTimeout(redis.getConnectionFactory()));
    }

    /** Lettuce's command timeout ({@code spring.data.redis.timeout}); blocking waits must stay below it. */
    static Duration commandTimeout(RedisConnectionFactory factory) {
        return factory instanceof LettuceConnectionFactory lettuce ? lettuce.getClientConfiguration().getCommandTimeout() : null;
    }

    private static void warnWithoutPool(RedisConnectionFactory factory) {
        if (factory instanceof LettuceConnectionFactory lettuce
                && !(lettuce.getClientConfiguration() instanceof LettucePoolingClientConfiguration)) {
            log.warn("Redis connection pooling is off (spring.data.redis.lettuce.pool.enabled=false): every blocking "
                    + "claim opens a new connection, about 4x slower than with the pool");
        }
    }
}
