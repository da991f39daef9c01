package dev.agentteam.common.task;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a task, with the one table of transitions that every component obeys.
 *
 * <pre>
 * PENDING → QUEUED → RUNNING → SUCCEEDED | FAILED | BLOCKED | DEAD
 * PENDING → FAILED (refused at creation: no agent handles the type)
 * BLOCKED → QUEUED (a human answered)      FAILED → QUEUED (retry while attempts remain) | DEAD
 * any non-final state → CANCELLED
 * QUEUED | FAILED | BLOCKED → PENDING (handed to a human: withdrawn from the queue until reassigned)
 * </pre>
 */
public enum TaskState {
    PENDING, QUEUED, RUNNING, SUCCEEDED, FAILED, BLOCKED, DEAD, CANCELLED;

    private static final Map<TaskState, Set<TaskState>> ALLOWED = new EnumMap<>(TaskState.class);

    static {
        // PENDING → FAILED: the orchestrator refuses a task no agent handles instead of queueing it to die.
        ALLOWED.put(PENDING, EnumSet.of(QUEUED, FAILED, CANCELLED));
        // QUEUED → FAILED/DEAD covers a worker that gave up before it could report RUNNING.
        ALLOWED.put(QUEUED, EnumSet.of(RUNNING, SUCCEEDED, FAILED, BLOCKED, DEAD, CANCELLED, PENDING));
        ALLOWED.put(RUNNING, EnumSet.of(SUCCEEDED, FAILED, BLOCKED, DEAD, QUEUED, CANCELLED));
        ALLOWED.put(FAILED, EnumSet.of(QUEUED, DEAD, CANCELLED, PENDING));
        ALLOWED.put(BLOCKED, EnumSet.of(QUEUED, CANCELLED, PENDING));
        ALLOWED.put(SUCCEEDED, EnumSet.noneOf(TaskState.class));
        ALLOWED.put(DEAD, EnumSet.of(QUEUED)); // an admin may re-queue a dead-lettered task
        ALLOWED.put(CANCELLED, EnumSet.noneOf(TaskState.class));
    }

    public boolean canMoveTo(TaskState next) {
        return ALLOWED.get(this).contains(next);
    }

    /** The states a task may move to from this one. */
    public Set<TaskState> next() {
        return Collections.unmodifiableSet(ALLOWED.get(this));
    }

    /** Final states accept no result any more: a late or duplicated result for such a task is ignored. */
    public boolean isFinal() {
        return this == SUCCEEDED || this == DEAD || this == CANCELLED;
    }

    /** Checks a transition, throwing {@link IllegalTaskTransitionException} when the table forbids it. */
    public TaskState moveTo(TaskState next) {
        if (!canMoveTo(next)) {
            throw new IllegalTaskTransitionException(this, next);
        }
        return next;
    }
}
