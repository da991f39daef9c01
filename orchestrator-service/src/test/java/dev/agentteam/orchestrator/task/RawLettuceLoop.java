package dev.agentteam.orchestrator.task;

import io.lettuce.core.LMoveArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The queue benchmark's baseline: the same claim → complete → acknowledge shape as the pipeline, as bare Lettuce
 * commands on the same Redis, without Postgres: workers BLMOVE pending → processing, LPUSH the result to done and
 * LREM the claim; one consumer BLMOVEs done → done:processing and LREMs it.
 */
final class RawLettuceLoop {

    private static final String PREFIX = "bench:raw:";

    private final RedisURI uri;

    RawLettuceLoop(LettuceConnectionFactory factory) {
        RedisURI.Builder builder = RedisURI.builder().withHost(factory.getHostName()).withPort(factory.getPort())
                .withDatabase(factory.getDatabase()).withTimeout(Duration.ofSeconds(30));
        var standalone = factory.getStandaloneConfiguration();
        if (standalone.getPassword().isPresent()) {
            String user = standalone.getUsername();
            builder.withAuthentication(user == null ? "default" : user, new String(standalone.getPassword().get()));
        }
        this.uri = builder.build();
    }

    /** @return tasks per second from the first claim to the last acknowledged result, with all tasks queued first */
    double drain(int tasks, int workers, String envelope) throws InterruptedException {
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> setup = client.connect()) {
            RedisCommands<String, String> redis = setup.sync();
            redis.del(PREFIX + "pending", PREFIX + "processing", PREFIX + "done", PREFIX + "done:processing");
            for (int i = 0; i < tasks; i += 500) {
                String[] batch = new String[Math.min(500, tasks - i)];
                java.util.Arrays.fill(batch, envelope);
                redis.lpush(PREFIX + "pending", batch);
            }
            AtomicLong acked = new AtomicLong();
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                threads.add(new Thread(() -> work(client, tasks, acked), "raw-worker-" + w));
            }
            threads.add(new Thread(() -> consume(client, tasks, acked), "raw-consumer"));
            long start = System.nanoTime();
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            redis.del(PREFIX + "pending", PREFIX + "processing", PREFIX + "done", PREFIX + "done:processing");
            return tasks / seconds;
        } finally {
            client.shutdown();
        }
    }

    private static void work(RedisClient client, int tasks, AtomicLong acked) {
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            while (acked.get() < tasks) {
                String claimed = redis.blmove(PREFIX + "pending", PREFIX + "processing", LMoveArgs.Builder.rightLeft(), 0.2);
                if (claimed != null) {
                    redis.lpush(PREFIX + "done", claimed);
                    redis.lrem(PREFIX + "processing", 1, claimed);
                }
            }
        }
    }

    private static void consume(RedisClient client, int tasks, AtomicLong acked) {
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            while (acked.get() < tasks) {
                String result = redis.blmove(PREFIX + "done", PREFIX + "done:processing", LMoveArgs.Builder.rightLeft(), 0.2);
                if (result != null) {
                    redis.lrem(PREFIX + "done:processing", 1, result);
                    acked.incrementAndGet();
                }
            }
        }
    }
}
