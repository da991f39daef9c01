package dev.agentteam.orchestrator.task;

import dev.agentteam.common.queue.ClaimedTask;
import dev.agentteam.common.queue.TaskQueue;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.StoryDelivered;
import dev.agentteam.common.task.TaskResult;
import dev.agentteam.common.task.TokenUsage;
import dev.agentteam.common.testing.BenchmarkRecord;
import dev.agentteam.common.testing.ContainerServices;
import dev.agentteam.common.testing.RedisTestSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end throughput of the task pipeline: {@code Tasks.create} (Postgres insert + timeline + enqueue after commit)
 * → two claim loops in this process with a no-op handler → {@code tasks:done} → the result consumer applying each
 * result in Postgres. Runs only from {@code scripts/benchmark-queue.sh} (tag "benchmark").
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "agentteam.tasks.reconcile-interval=1h",
        "agentteam.tasks.result-consumers=${benchmark.result-consumers:1}",
        "agentteam.tasks.consumer-id=orchestrator-benchmark",
        "logging.level.dev.agentteam=WARN"})
@Import(ContainerServices.class)
class QueueBenchmark {

    private static final int TASKS = Integer.getInteger("benchmark.tasks", 20_000);
    private static final int WORKERS = 2;
    private static final StoryDelivered DELIVERED = new StoryDelivered(1, null, null, null, null, true, null, null, null,
            null, null, null);
    /** "pipelined": workers run while tasks are created; "drain": all tasks are queued first, then workers start. */
    private static final String MODE = System.getProperty("benchmark.mode", "pipelined");

    @Autowired
    Tasks tasks;
    @Autowired
    TaskQueue queue;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    javax.sql.DataSource dataSource;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    LettuceConnectionFactory redisFactory;

    @Test
    void twentyThousandTasksEndToEnd() throws Exception {
        jdbc.sql("truncate tasks restart identity cascade").update();
        RedisTestSupport.flushOwnDatabase(redis);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong handled = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            String workerId = "bench-" + i;
            queue.heartbeat(AgentRole.DEV, workerId, Duration.ofMinutes(10));
            workers.add(new Thread(() -> claimLoop(workerId, running, handled), workerId));
        }
        boolean drain = "drain".equals(MODE);
        if (!drain) {
            workers.forEach(Thread::start);
        }

        long start = System.nanoTime();
        for (int i = 0; i < TASKS; i++) {
            tasks.create(new NewTask("dev.implement_story", AgentRole.DEV, null, null, Map.of("n", i)));
        }
        double createdSeconds = (System.nanoTime() - start) / 1e9;
        Map<String, Long> statsBefore = databaseStats();
        if (drain) {
            start = System.nanoTime();
            workers.forEach(Thread::start);
        }
        long succeeded = 0;
        while (succeeded < TASKS) {
            Thread.sleep(20);
            succeeded = jdbc.sql("select count(*) from tasks where status = 'SUCCEEDED'").query(Long.class).single();
        }
        double totalSeconds = (System.nanoTime() - start) / 1e9;
        Map<String, Long> statsAfter = databaseStats();
        running.set(false);
        for (Thread worker : workers) {
            worker.join();
        }

        long transitions = jdbc.sql("select count(*) from task_transitions").query(Long.class).single();
        assertThat(transitions).isEqualTo(3L * TASKS);
        String report = String.format("mode=%s tasks=%d workers=%d result-consumers=%s create+enqueue=%.1fs (%.0f/s) "
                        + "%s=%.1fs (%.0f tasks/s) handled=%d%n", MODE, TASKS, WORKERS,
                System.getProperty("benchmark.result-consumers", "1"), createdSeconds, TASKS / createdSeconds,
                drain ? "claim-to-applied" : "end-to-end", totalSeconds, TASKS / totalSeconds, handled.get());
        System.out.print("BENCHMARK " + report);
        write(report);
        if (drain) {
            double ours = TASKS / totalSeconds;
            String envelope = "{\"taskId\":1,\"type\":\"dev.implement_story\",\"role\":\"dev\",\"payload\":{\"n\":1},"
                    + "\"attempt\":1,\"traceId\":\"" + "0".repeat(32) + "\",\"createdAt\":\"2026-01-01T00:00:00Z\"}";
            double raw = new RawLettuceLoop(redisFactory).drain(TASKS, WORKERS, envelope);
            Map<String, Object> details = new java.util.LinkedHashMap<>();
            details.put("tasks", TASKS);
            details.put("claim_loops", WORKERS);
            details.put("result_consumers", Integer.getInteger("benchmark.result-consumers", 1));
            details.put("create_per_s", Math.round(TASKS / createdSeconds));
            // where the time goes: Postgres work per task while the results were applied (pg_stat, this database only)
            statsAfter.forEach((name, after) -> details.put(name + "_per_task",
                    Math.round(100.0 * (after - statsBefore.get(name)) / TASKS) / 100.0));
            new BenchmarkRecord("queue-drain", "queue: claim → complete → result applied (tasks queued first), ours vs "
                    + "a raw Lettuce claim/complete loop", ours, raw, "tasks/s", "ratio >= 0.5", ours >= 0.5 * raw,
                    details).write();
        }
    }

    /**
     * Cumulative counters of this database: commits, and rows written to the task tables and the event publication
     * registry. A PostgreSQL 15 backend publishes its counters at most once a second, or 10 s after it fell idle, and
     * always when it exits: the pool's idle connections are closed (Hikari opens new ones on demand), and their
     * backends given a moment to exit, so the counters are complete when read.
     */
    private Map<String, Long> databaseStats() throws Exception {
        if (dataSource instanceof com.zaxxer.hikari.HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
            hikari.getHikariPoolMXBean().softEvictConnections();
        }
        Thread.sleep(500);
        Map<String, Long> stats = new java.util.LinkedHashMap<>();
        stats.put("commits", jdbc.sql("select xact_commit from pg_stat_database where datname = current_database()")
                .query(Long.class).single());
        for (String table : List.of("tasks", "task_transitions", "event_publication")) {
            stats.put(table + "_writes", jdbc.sql("select n_tup_ins + n_tup_upd + n_tup_del from pg_stat_user_tables "
                    + "where relname = ?").param(table).query(Long.class).single());
        }
        return stats;
    }

    private void claimLoop(String workerId, AtomicBoolean running, AtomicLong handled) {
        while (running.get()) {
            Optional<ClaimedTask> claimed = queue.claim(AgentRole.DEV, workerId, Duration.ofMillis(200));
            claimed.ifPresent(claim -> {
                queue.complete(claim, TaskResult.succeeded(claim.task(), workerId, DELIVERED, TokenUsage.NONE));
                handled.incrementAndGet();
            });
        }
    }

    private static void write(String report) throws IOException {
        Path out = Path.of("target", "benchmark-queue.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }
}
