package dev.agentteam.common.queue;

import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.TaskEnvelope;
import dev.agentteam.common.task.TaskResult;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The worker side and the producer side of the task queue (docs/adr/task-dispatch.md). At-least-once: a claimed task
 * stays in the worker's own in-progress list until the worker completes it, and the reaper returns the
 * claims of workers whose heartbeat expired. Redis is only a transport: Postgres stays the system of record.
 */
public interface TaskQueue {

    /** Puts a task at the tail of its role's pending list. */
    void enqueue(TaskEnvelope task);

    /**
     * Atomically moves the oldest pending task of the role into this worker's in-progress list
     * ({@code BLMOVE}), waiting at most {@code wait}.
     */
    Optional<ClaimedTask> claim(AgentRole role, String workerId, Duration wait);

    /** Marks the worker alive for {@code ttl}, declaring no task types (tests and tools). */
    default void heartbeat(AgentRole role, String workerId, Duration ttl) {
        heartbeat(role, workerId, ttl, Set.of());
    }

    /**
     * Marks the worker alive for {@code ttl} and declares the task types it handles; a worker heartbeats more
     * often than that while it runs.
     */
    void heartbeat(AgentRole role, String workerId, Duration ttl, Set<String> types);

    /** Removes the worker's heartbeat at a clean shutdown. */
    void unregister(AgentRole role, String workerId);

    /** Tells the orchestrator, through {@code tasks:done}, that the worker began the claimed attempt (it marks the task RUNNING). */
    void started(ClaimedTask claim);

    /** Pushes the result to {@code tasks:done} and removes the claim, atomically (one Lua script in the Redis implementation). */
    void complete(ClaimedTask claim, TaskResult result);

    /** Gives a claimed task back to the head of its pending list untouched (graceful shutdown). */
    void release(ClaimedTask claim);

    /** Returns every claim of the role's workers whose heartbeat has expired to the pending list; returns how many. */
    int reapExpiredClaims(AgentRole role);

    /**
     * The ids of the tasks Redis holds for the role, pending or claimed, plus those whose result waits in
     * {@code tasks:done} or is being applied (any role's): the reconciler compares them with Postgres.
     */
    Set<Long> heldTaskIds(AgentRole role);

    /** Removes any pending copy of the task (cancelled, or assigned to a human). Returns how many copies went. */
    long withdraw(AgentRole role, long taskId);

    /** Records a task that used its last attempt in {@code tasks:dead}. */
    void deadLetter(TaskEnvelope task, String lastError);

    /** The newest dead-lettered entries, newest first. */
    List<DeadLetter> deadLetters(int limit);

    long pendingCount(AgentRole role);

    /** The workers of the role with a live heartbeat. */
    Set<String> liveWorkers(AgentRole role);

    /** The live workers of the role with what their heartbeat declares (null for an unreadable heartbeat). */
    java.util.Map<String, WorkerBeat> liveBeats(AgentRole role);
}
