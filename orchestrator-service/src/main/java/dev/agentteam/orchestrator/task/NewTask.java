package dev.agentteam.orchestrator.task;

import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.TaskPayloads;
import dev.agentteam.common.task.TaskType;

import java.util.Map;

/** A command to create a task for an agent role. {@code epicId} and {@code storyId} may be null. */
public record NewTask(String type, AgentRole role, Long epicId, Long storyId, Map<String, Object> payload) {

    public NewTask {
        payload = payload == null ? Map.of() : Map.copyOf(payload);
    }

    /**
     * A task of a catalogued type, for the agent role that handles it, with its payload record from the shared
     * protocol package (docs/adr/task-handlers.md) as the envelope's JSON object.
     */
    public NewTask(TaskType type, Long epicId, Long storyId, Record payload) {
        this(type.key(), type.role(), epicId, storyId, TaskPayloads.toMap(payload));
    }
}
