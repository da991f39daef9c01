package dev.agentteam.orchestrator.task;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.agentteam.common.task.TaskOutput;
import dev.agentteam.common.task.TaskResults;
import dev.agentteam.common.task.TaskType;

import java.util.Map;

/**
 * Published after a task's success is committed; the owning feature reacts (e.g. backlog stores stories).
 * {@code output} is the result's JSON object as stored in {@code tasks.result}: the event keeps that shape because
 * the event publication registry stores events as JSON across releases (docs/adr/event-publication-registry.md).
 * Listeners read it through {@link #result()}, the task type's result record; the result was checked against that
 * record before the task was marked SUCCEEDED (docs/adr/task-handlers.md, typed task results).
 */
public record TaskSucceeded(long taskId, String type, Long epicId, Long storyId, Map<String, Object> output) {

    /** The output as its task type's result record ({@link TaskResults}). */
    @JsonIgnore
    public TaskOutput result() {
        TaskType taskType = TaskType.fromKey(type)
                .orElseThrow(() -> new IllegalStateException("task type " + type + " is not in the catalogue"));
        return TaskResults.read(taskType, output);
    }

    /** As {@link #result()}, for a listener that handles one type and knows its record. */
    public <T extends TaskOutput> T result(Class<T> record) {
        TaskType taskType = TaskType.fromKey(type)
                .orElseThrow(() -> new IllegalStateException("task type " + type + " is not in the catalogue"));
        return TaskResults.read(taskType, output, record);
    }
}
