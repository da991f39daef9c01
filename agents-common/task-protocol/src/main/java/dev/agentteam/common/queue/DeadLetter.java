package dev.agentteam.common.queue;

import dev.agentteam.common.task.TaskEnvelope;

import java.time.Instant;

/** A task that used its last attempt, as kept in {@code tasks:dead}. */
public record DeadLetter(TaskEnvelope task, String lastError, Instant diedAt) {
}
