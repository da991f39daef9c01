package dev.agentteam.orchestrator.web;

import dev.agentteam.common.queue.DeadLetter;
import dev.agentteam.common.queue.QueueKeys;
import dev.agentteam.common.queue.WorkerBeat;
import dev.agentteam.common.queue.TaskQueue;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.orchestrator.task.TaskView;
import dev.agentteam.orchestrator.task.Tasks;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** What the queues and workers look like right now, read from Redis (the transport) and Postgres (the record). */
@Component
class AgentsStatus {

    private final TaskQueue queue;
    private final StringRedisTemplate redis;
    private final Tasks tasks;

    AgentsStatus(TaskQueue queue, StringRedisTemplate redis, Tasks tasks) {
        this.queue = queue;
        this.redis = redis;
        this.tasks = tasks;
    }

    /** A live worker: the value of its heartbeat key is the time of its last beat, its TTL when it lapses. */
    record Worker(String id, Instant lastBeat, Long expiresInSeconds) {
    }

    record RoleStatus(String role, long pending, List<Worker> workers) {

        public boolean up() {
            return !workers.isEmpty();
        }
    }

    /** A dead letter with what Postgres says about its task now (re-queued tasks are no longer DEAD). */
    record DeadTask(Long taskId, String type, String role, int attempt, String lastError, Instant diedAt,
                    String currentStatus) {

        public boolean requeueable() {
            return "DEAD".equals(currentStatus);
        }
    }

    List<RoleStatus> roles() {
        return java.util.Arrays.stream(AgentRole.values()).map(this::status).toList();
    }

    List<DeadTask> deadLetters(int limit) {
        return queue.deadLetters(limit).stream().map(this::deadTask).toList();
    }

    private RoleStatus status(AgentRole role) {
        List<Worker> workers = queue.liveWorkers(role).stream().map(id -> worker(role, id))
                .sorted(Comparator.comparing(Worker::id)).toList();
        return new RoleStatus(role.key(), queue.pendingCount(role), workers);
    }

    private Worker worker(AgentRole role, String id) {
        String key = QueueKeys.heartbeat(role, id);
        String value = redis.opsForValue().get(key);
        Long ttl = redis.getExpire(key);
        return new Worker(id, parse(value), ttl == null || ttl < 0 ? null : ttl);
    }

    private DeadTask deadTask(DeadLetter letter) {
        if (letter.task() == null) {
            return new DeadTask(null, "unreadable", "—", 0, letter.lastError(), letter.diedAt(), null);
        }
        long id = letter.task().taskId();
        String current = tasks.find(id).map(TaskView::status).map(Enum::name).orElse("GONE");
        return new DeadTask(id, letter.task().type(), letter.task().role().key(), letter.task().attempt(),
                letter.lastError(), letter.diedAt(), current);
    }

    private static Instant parse(String value) {
        WorkerBeat beat = WorkerBeat.parse(value);
        return beat == null ? null : beat.at();
    }
}
