package dev.agentteam.common.testing;

import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Helpers for tests that talk to the real Redis, on the test's own database index. */
public final class RedisTestSupport {

    private RedisTestSupport() {
    }

    /** Empties the test's own database index (never FLUSHALL: other builds share the server). */
    public static void flushOwnDatabase(StringRedisTemplate redis) {
        redis.execute((RedisCallback<Void>) connection -> {
            connection.serverCommands().flushDb();
            return null;
        });
    }
}
