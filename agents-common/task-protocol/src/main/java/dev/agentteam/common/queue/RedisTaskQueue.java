package dev.agentteam.common.queue;

import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.TaskEnvelope;
import dev.agentteam.common.task.TaskResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link TaskQueue} on Redis lists (docs/adr/task-dispatch.md). Pending lists are pushed left and consumed right (FIFO);
 * a claim is a {@code BLMOVE} into the worker's own in-progress list, so a task is never only in memory.
 * See {@link QueueScripts} for why blocking commands go through Spring Data Redis.
 */
public class RedisTaskQueue implements TaskQueue {

    private static final Logger log = LoggerFactory.getLogger(RedisTaskQueue.class);

    private final StringRedisTemplate redis;
    private final Duration maxBlock;

    /** With a blocking wait capped at 50 s, below Lettuce's default command timeout of 60 s. */
    public RedisTaskQueue(StringRedisTemplate redis) {
        this(redis, null);
    }

    /** @param commandTimeout the Redis client's command timeout: blocking waits stay below it */
    public RedisTaskQueue(StringRedisTemplate redis, Duration commandTimeout) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.maxBlock = QueueScripts.maxBlockFor(commandTimeout);
    }

    @Override
    public void enqueue(TaskEnvelope task) {
        redis.opsForList().leftPush(QueueKeys.pending(task.role()), QueueJson.write(task));
    }

    @Override
    public Optional<ClaimedTask> claim(AgentRole role, String workerId, Duration wait) {
        String inProgress = QueueKeys.inProgress(role, workerId);
        String raw = QueueScripts.blockingMove(redis, QueueKeys.pending(role), inProgress, wait, maxBlock);
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ClaimedTask(QueueJson.read(raw, TaskEnvelope.class), workerId, raw));
        } catch (QueueJson.UnreadableEntryException e) {
            // Retrying an unreadable entry cannot help: park it where an operator sees it.
            log.error("Dropped an unreadable entry from {} into {}: {} ({})", QueueKeys.pending(role), QueueKeys.DEAD,
                    QueueJson.abbreviate(raw), e.getMessage());
            redis.opsForList().remove(inProgress, 1, raw);
            redis.opsForList().leftPush(QueueKeys.DEAD,
                    QueueJson.write(new DeadLetter(null, "unreadable queue entry: " + QueueJson.abbreviate(raw), Instant.now())));
            return Optional.empty();
        }
    }

    @Override
    public void heartbeat(AgentRole role, String workerId, Duration ttl, Set<String> types) {
        redis.opsForValue().set(QueueKeys.heartbeat(role, workerId), QueueJson.write(new WorkerBeat(Instant.now(), types)), ttl);
    }

    @Override
    public void unregister(AgentRole role, String workerId) {
        redis.delete(QueueKeys.heartbeat(role, workerId));
    }

    @Override
    public void started(ClaimedTask claim) {
        redis.opsForList().leftPush(QueueKeys.DONE, QueueJson.write(TaskResult.started(claim.task(), claim.workerId())));
    }

    @Override
    public void complete(ClaimedTask claim, TaskResult result) {
        Long removed = redis.execute(QueueScripts.COMPLETE,
                List.of(QueueKeys.inProgress(claim.task().role(), claim.workerId()), QueueKeys.DONE),
                claim.raw(), QueueJson.write(result));
        if (removed == null || removed == 0) {
            log.warn("Task {} attempt {} completed by {} after its claim was already gone (reaped?); result sent anyway",
                    claim.task().taskId(), claim.task().attempt(), claim.workerId());
        }
    }

    @Override
    public void release(ClaimedTask claim) {
        AgentRole role = claim.task().role();
        redis.execute(QueueScripts.RELEASE, List.of(QueueKeys.inProgress(role, claim.workerId()), QueueKeys.pending(role)),
                claim.raw());
    }

    @Override
    public int reapExpiredClaims(AgentRole role) {
        String prefix = QueueKeys.inProgress(role, "");
        int reaped = 0;
        for (String claims : QueueScripts.scan(redis, QueueKeys.inProgressPattern(role))) {
            String workerId = claims.substring(prefix.length());
            Long moved = redis.execute(QueueScripts.MOVE_ALL_BACK,
                    List.of(claims, QueueKeys.pending(role), QueueKeys.heartbeat(role, workerId)));
            if (moved != null && moved > 0) {
                log.warn("Returned {} claim(s) of {} worker {} to the pending list: its heartbeat expired", moved, role.key(), workerId);
                reaped += moved.intValue();
            }
        }
        return reaped;
    }

    @Override
    public Set<Long> heldTaskIds(AgentRole role) {
        // A task only moves forward: pending → a worker's claim → tasks:done → the orchestrator's processing list, and
        // leaves that last list after its result is committed in Postgres. Reading the stages in that order, and
        // listing a stage's keys only after the stage before it was read (a list that is empty does not exist), sees
        // every task in at least one of them, however it moves meanwhile. A result waiting to be applied counts as
        // held: without it, a task whose worker has just finished looked lost and was pushed, and run, again.
        Set<Long> ids = new HashSet<>();
        addTaskIds(ids, QueueKeys.pending(role));
        QueueScripts.scan(redis, QueueKeys.inProgressPattern(role)).forEach(list -> addTaskIds(ids, list));
        addTaskIds(ids, QueueKeys.DONE);
        QueueScripts.scan(redis, QueueKeys.doneProcessingPattern()).forEach(list -> addTaskIds(ids, list));
        // The backward moves, read again: a reaper returning a dead worker's claim to pending, and an orchestrator
        // starting up returning its unfinished processing list to tasks:done.
        addTaskIds(ids, QueueKeys.DONE);
        addTaskIds(ids, QueueKeys.pending(role));
        return ids;
    }

    private void addTaskIds(Set<Long> ids, String list) {
        for (String raw : range(list)) {
            Long id = QueueJson.taskId(raw);
            if (id != null) {
                ids.add(id);
            }
        }
    }

    @Override
    public long withdraw(AgentRole role, long taskId) {
        String pending = QueueKeys.pending(role);
        long removed = 0;
        // LREM with the exact entry is safe without a transaction: an entry claimed meanwhile is simply not found.
        for (String raw : new LinkedHashSet<>(range(pending))) {
            Long id = QueueJson.taskId(raw);
            if (id != null && id == taskId) {
                Long count = redis.opsForList().remove(pending, 0, raw);
                removed += count == null ? 0 : count;
            }
        }
        return removed;
    }

    @Override
    public void deadLetter(TaskEnvelope task, String lastError) {
        redis.opsForList().leftPush(QueueKeys.DEAD, QueueJson.write(new DeadLetter(task, lastError, Instant.now())));
    }

    @Override
    public List<DeadLetter> deadLetters(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        List<DeadLetter> letters = new ArrayList<>();
        for (String raw : Objects.requireNonNullElse(redis.opsForList().range(QueueKeys.DEAD, 0, limit - 1L), List.<String>of())) {
            try {
                letters.add(QueueJson.read(raw, DeadLetter.class));
            } catch (QueueJson.UnreadableEntryException e) {
                letters.add(new DeadLetter(null, "unreadable dead letter: " + QueueJson.abbreviate(raw), null));
            }
        }
        return letters;
    }

    @Override
    public long pendingCount(AgentRole role) {
        Long size = redis.opsForList().size(QueueKeys.pending(role));
        return size == null ? 0 : size;
    }

    @Override
    public Set<String> liveWorkers(AgentRole role) {
        String prefix = QueueKeys.heartbeat(role, "");
        Set<String> workers = new HashSet<>();
        for (String key : QueueScripts.scan(redis, QueueKeys.heartbeatPattern(role))) {
            workers.add(key.substring(prefix.length()));
        }
        return workers;
    }

    @Override
    public Map<String, WorkerBeat> liveBeats(AgentRole role) {
        Map<String, WorkerBeat> beats = new HashMap<>();
        for (String worker : liveWorkers(role)) {
            // a heartbeat that expired between the scan and this read is simply not live any more
            String value = redis.opsForValue().get(QueueKeys.heartbeat(role, worker));
            if (value != null) {
                beats.put(worker, WorkerBeat.parse(value));
            }
        }
        return beats;
    }

    private List<String> range(String list) {
        return Objects.requireNonNullElse(redis.opsForList().range(list, 0, -1), List.of());
    }
}
