package dev.agentteam.common.queue;

import dev.agentteam.common.task.TaskResult;

/** A result taken from {@code tasks:done}, not yet acknowledged. {@code raw} is the exact JSON moved. */
public record ClaimedResult(TaskResult result, String consumerId, String raw) {
}
