package dev.agentteam.orchestrator.task;

import dev.agentteam.common.queue.TaskQueue;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.TaskEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Instant;

/**
 * Puts envelopes on the queue once the transaction that queued the task in Postgres has committed, so a worker
 * never sees a task the database does not hold yet. If the process dies (or Redis is away) between the commit
 * and the push, the task is QUEUED in Postgres but missing from Redis, and the {@link Reconciler} pushes it again.
 */
@Component
class TaskDispatcher {

    private static final Logger log = LoggerFactory.getLogger(TaskDispatcher.class);

    private final TaskQueue queue;
    private final TaskProperties properties;

    TaskDispatcher(TaskQueue queue, TaskProperties properties) {
        this.queue = queue;
        this.properties = properties;
    }

    TaskEnvelope envelope(TaskEntity task, AgentRole role, Instant now) {
        return new TaskEnvelope(task.id(), task.type(), role, task.currentAttempt(), properties.lease(), task.traceId(),
                now, task.payload());
    }

    /** Enqueues after commit; immediately when no transaction is active. */
    void enqueueAfterCommit(TaskEnvelope envelope) {
        afterCommit(() -> enqueueNow(envelope));
    }

    void withdrawAfterCommit(AgentRole role, long taskId) {
        afterCommit(() -> {
            try {
                long removed = queue.withdraw(role, taskId);
                log.debug("withdrew {} queued copies of task {} from {}", removed, taskId, role.key());
            } catch (RuntimeException e) {
                log.warn("could not withdraw task {} from the {} queue: {}", taskId, role.key(), e.toString());
            }
        });
    }

    void deadLetterAfterCommit(TaskEnvelope envelope, String lastError) {
        afterCommit(() -> {
            try {
                queue.deadLetter(envelope, lastError);
            } catch (RuntimeException e) {
                log.warn("task {} is DEAD in Postgres but could not be recorded in tasks:dead: {}", envelope.taskId(), e.toString());
            }
        });
    }

    boolean enqueueNow(TaskEnvelope envelope) {
        try {
            queue.enqueue(envelope);
            return true;
        } catch (RuntimeException e) {
            log.warn("task {} is QUEUED in Postgres but could not be pushed to Redis ({}); the reconciler will retry",
                    envelope.taskId(), e.toString());
            return false;
        }
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
