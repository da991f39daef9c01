package dev.agentteam.common.task;

import java.util.Optional;

/**
 * The task the current thread works on for its worker: set by the worker runtime around a handler's run, read by
 * whatever must prove to the orchestrator which task it acts for (the code hosts fetch that task's forge credential
 * with it). Empty on any other thread.
 *
 * @param taskId   the task
 * @param attempt  its attempt
 * @param workerId the worker that claimed it (the id of its start notice)
 */
public record ClaimedTask(long taskId, int attempt, String workerId) {

    private static final ThreadLocal<ClaimedTask> CURRENT = new ThreadLocal<>();

    public ClaimedTask {
        if (workerId == null || workerId.isBlank()) {
            throw new IllegalArgumentException("a claimed task needs its worker's id");
        }
    }

    /** The task this thread works on, if any. */
    public static Optional<ClaimedTask> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Marks this thread as working on this task until {@link #release()}. */
    public void bind() {
        CURRENT.set(this);
    }

    /** This thread works on no task any more. */
    public static void release() {
        CURRENT.remove();
    }
}
