package dev.agentteam.orchestrator.task;

import dev.agentteam.common.queue.TaskQueue;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.TaskState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Postgres is the system of record, Redis only the transport: every task QUEUED (or RUNNING) in Postgres for longer than the
 * grace period whose id Redis no longer holds (pending or claimed) is pushed again, with the same attempt. This
 * covers a crash between commit and push, a failed push, and a Redis that lost its data. It also returns the claims
 * of workers whose heartbeat expired, so their tasks are delivered again after the lease.
 */
@Component
class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    private final TaskRepository tasks;
    private final TaskTransitionRepository transitions;
    private final TaskQueue queue;
    private final TaskDispatcher dispatcher;
    private final TaskProperties properties;
    private final Clock clock = Clock.systemUTC();

    Reconciler(TaskRepository tasks, TaskTransitionRepository transitions, TaskQueue queue, TaskDispatcher dispatcher,
               TaskProperties properties) {
        this.tasks = tasks;
        this.transitions = transitions;
        this.queue = queue;
        this.dispatcher = dispatcher;
        this.properties = properties;
    }

    /** Runs at start and then every reconcile-interval; returns how many tasks were pushed again. */
    @Scheduled(initialDelay = 0, fixedDelayString = "${agentteam.tasks.reconcile-interval:30s}")
    @Transactional
    public int reconcile() {
        int restored = 0;
        Instant now = clock.instant();
        for (AgentRole role : AgentRole.values()) {
            reapDeadWorkers(role);
            // Read Postgres first: a task queued after this query is not a candidate, so Redis not holding it yet is fine.
            List<TaskEntity> candidates = tasks.findByStatusInAndAssignedToAndQueuedAtBeforeOrderById(
                    EnumSet.of(TaskState.QUEUED, TaskState.RUNNING), role.key(), now.minus(properties.reconcileGrace()));
            if (candidates.isEmpty()) {
                continue;
            }
            Set<Long> held = queue.heldTaskIds(role);
            for (TaskEntity task : candidates) {
                if (!held.contains(task.id())) {
                    if (task.status() == TaskState.RUNNING) {
                        // its worker's claim is gone from Redis (flushed, or lost with it): the attempt starts over
                        transitions.save(task.moveTo(TaskState.QUEUED, "the worker's claim was lost; queued again", now));
                    }
                    task.requeuedAt(now);
                    dispatcher.enqueueAfterCommit(dispatcher.envelope(task, role, now));
                    restored++;
                }
            }
        }
        if (restored > 0) {
            log.info("reconciler pushed {} queued task(s) that Redis did not hold", restored);
        }
        return restored;
    }

    /** Claims of workers whose heartbeat expired count as held; hand them back first so another worker takes them. */
    private void reapDeadWorkers(AgentRole role) {
        try {
            int reaped = queue.reapExpiredClaims(role);
            if (reaped > 0) {
                log.info("returned {} claim(s) of dead {} workers to the pending queue", reaped, role.key());
            }
        } catch (RuntimeException e) {
            log.warn("could not reap the expired {} claims: {}", role.key(), e.toString());
        }
    }
}
