package dev.agentteam.orchestrator.support;

import dev.agentteam.common.queue.ClaimedTask;
import dev.agentteam.common.queue.TaskQueue;
import dev.agentteam.common.task.AgentRole;

import java.time.Duration;
import java.util.Optional;

/** Tests playing an agent take its next task the way a worker does: blocked on the queue, woken by the envelope. */
public final class QueueClaims {

    private QueueClaims() {
    }

    /**
     * The next task on {@code role}'s queue, claimed as {@code workerId}; each claim blocks in Redis until an envelope
     * arrives (at most the queue's longest block), so this returns as soon as the task is queued. Fails after
     * {@code ceiling} without one.
     */
    public static ClaimedTask next(TaskQueue queue, AgentRole role, String workerId, Duration ceiling) {
        long deadline = System.nanoTime() + ceiling.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("No task reached the " + role.key() + " queue within " + ceiling);
            }
            Optional<ClaimedTask> claimed = queue.claim(role, workerId, Duration.ofNanos(left));
            if (claimed.isPresent()) {
                return claimed.get();
            }
        }
    }
}
