package dev.agentteam.common.queue;

import dev.agentteam.common.task.TaskEnvelope;

/**
 * A task held in a worker's in-progress list.
 *
 * @param raw the exact JSON that was moved, needed to remove exactly this claim with {@code LREM}
 */
public record ClaimedTask(TaskEnvelope task, String workerId, String raw) {
}
