package dev.agentteam.orchestrator.task;

import dev.agentteam.common.task.TaskState;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.Instant;

/** One step of a task's timeline as the API shows it. {@code from} is null for the creation. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record TaskTransitionView(TaskState from, TaskState to, int attempt, String reason, Instant at) {
}
