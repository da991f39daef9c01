package dev.agentteam.common.queue;

import dev.agentteam.common.task.TaskResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ResultInbox} on Redis: {@code BLMOVE tasks:done → tasks:done:processing:<consumer>}, so a result
 * stays in Redis until the orchestrator has applied it and acknowledges it.
 */
public class RedisResultInbox implements ResultInbox {

    private static final Logger log = LoggerFactory.getLogger(RedisResultInbox.class);

    private final StringRedisTemplate redis;
    private final Duration maxBlock;

    /** With a blocking wait capped at 50 s, below Lettuce's default command timeout of 60 s. */
    public RedisResultInbox(StringRedisTemplate redis) {
        this(redis, null);
    }

    /** @param commandTimeout the Redis client's command timeout: blocking waits stay below it */
    public RedisResultInbox(StringRedisTemplate redis, Duration commandTimeout) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.maxBlock = QueueScripts.maxBlockFor(commandTimeout);
    }

    @Override
    public Optional<ClaimedResult> take(String consumerId, Duration wait) {
        String processing = QueueKeys.doneProcessing(consumerId);
        String raw = QueueScripts.blockingMove(redis, QueueKeys.DONE, processing, wait, maxBlock);
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ClaimedResult(QueueJson.read(raw, TaskResult.class), consumerId, raw));
        } catch (QueueJson.UnreadableEntryException e) {
            log.error("Dropped an unreadable result from {} into {}: {} ({})", QueueKeys.DONE, QueueKeys.DEAD,
                    QueueJson.abbreviate(raw), e.getMessage());
            redis.opsForList().remove(processing, 1, raw);
            redis.opsForList().leftPush(QueueKeys.DEAD,
                    QueueJson.write(new DeadLetter(null, "unreadable result entry: " + QueueJson.abbreviate(raw), Instant.now())));
            return Optional.empty();
        }
    }

    @Override
    public void acknowledge(ClaimedResult result) {
        redis.opsForList().remove(QueueKeys.doneProcessing(result.consumerId()), 1, result.raw());
    }

    @Override
    public int recover(String consumerId) {
        long moved = QueueScripts.moveAllBack(redis, QueueKeys.doneProcessing(consumerId), QueueKeys.DONE);
        if (moved > 0) {
            log.info("Recovered {} unacknowledged result(s) of consumer {} back to {}", moved, consumerId, QueueKeys.DONE);
        }
        return (int) moved;
    }
}
