package dev.agentteam.common.queue;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.RedisListCommands.Direction;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Redis operations shared by the task queue and the result inbox.
 *
 * <p>Why Spring Data Redis rather than Lettuce's {@code RedisClient} directly: Spring runs blocking commands
 * such as {@code BLMOVE} on a dedicated connection, never on the shared multiplexed one that other threads
 * use, and Boot pools those dedicated connections because commons-pool2 is on the classpath (the queue
 * auto-configuration warns when pooling is off, since a new connection per claim is about 4× slower). Every
 * multi-step change is a Lua script, atomic on the server, so nothing relies on MULTI over a shared connection.
 */
final class QueueScripts {

    static final RedisScript<Long> COMPLETE = script("complete.lua");
    static final RedisScript<Long> RELEASE = script("release.lua");
    static final RedisScript<Long> MOVE_ALL_BACK = script("move-all-back.lua");

    /** How long a blocking move may wait when the Redis command timeout is not known (Lettuce's default is 60 s). */
    static final Duration DEFAULT_MAX_BLOCK = Duration.ofSeconds(50);

    private QueueScripts() {
    }

    /** The longest safe blocking wait for a given client command timeout: one second (or half) below it. */
    static Duration maxBlockFor(Duration commandTimeout) {
        if (commandTimeout == null || commandTimeout.isZero() || commandTimeout.isNegative()) {
            return DEFAULT_MAX_BLOCK;
        }
        Duration margin = Duration.ofSeconds(1);
        return commandTimeout.compareTo(margin.multipliedBy(2)) > 0 ? commandTimeout.minus(margin) : commandTimeout.dividedBy(2);
    }

    private static RedisScript<Long> script(String name) {
        return RedisScript.of(new ClassPathResource("dev/agentteam/common/queue/" + name), Long.class);
    }

    /**
     * {@code BLMOVE source destination RIGHT LEFT}: takes the oldest entry of {@code source}. A zero wait
     * does not block (Redis would read a zero timeout as "block forever"). The wait is capped at
     * {@code maxBlock}: a client-side command timeout during a BLMOVE would leave the server free to move an
     * entry into a claim list that nobody is reading any more.
     */
    static String blockingMove(StringRedisTemplate redis, String source, String destination, Duration wait, Duration maxBlock) {
        byte[] src = source.getBytes(StandardCharsets.UTF_8);
        byte[] dst = destination.getBytes(StandardCharsets.UTF_8);
        Duration bounded = wait == null || wait.isNegative() ? Duration.ZERO : wait.compareTo(maxBlock) > 0 ? maxBlock : wait;
        double seconds = bounded.toMillis() / 1000.0;
        byte[] moved = redis.execute((RedisCallback<byte[]>) connection -> seconds > 0
                ? connection.listCommands().bLMove(src, dst, Direction.RIGHT, Direction.LEFT, seconds)
                : connection.listCommands().lMove(src, dst, Direction.RIGHT, Direction.LEFT));
        return moved == null ? null : new String(moved, StandardCharsets.UTF_8);
    }

    /** The keys matching a pattern, found with SCAN (KEYS would block the server on a large keyspace). */
    static List<String> scan(StringRedisTemplate redis, String pattern) {
        List<String> keys = new ArrayList<>();
        ScanOptions options = ScanOptions.scanOptions().match(pattern).count(500).build();
        try (Cursor<String> cursor = redis.scan(options)) {
            cursor.forEachRemaining(keys::add);
        }
        return keys;
    }

    static long moveAllBack(StringRedisTemplate redis, String claims, String origin) {
        Long moved = redis.execute(MOVE_ALL_BACK, List.of(claims, origin));
        return moved == null ? 0 : moved;
    }
}
