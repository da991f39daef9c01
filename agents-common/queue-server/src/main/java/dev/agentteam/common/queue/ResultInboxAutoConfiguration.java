package dev.agentteam.common.queue;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The orchestrator's side of the queue: the reliable consumption of {@code tasks:done}. Agents do not get it. */
@AutoConfiguration(after = DataRedisAutoConfiguration.class)
@ConditionalOnBean(StringRedisTemplate.class)
public class ResultInboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ResultInbox.class)
    RedisResultInbox redisResultInbox(StringRedisTemplate redis) {
        return new RedisResultInbox(redis, QueueAutoConfiguration.commandTimeout(redis.getConnectionFactory()));
    }
}
