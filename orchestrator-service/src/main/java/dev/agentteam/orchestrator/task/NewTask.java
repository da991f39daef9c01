package dev.agentteam.orchestrator.task;

import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.TaskType;

import java.util.Map;

/** A command to create a task for an agent role. {@code epicId} and {@code storyId} may be null. */
public record NewTask(String type, AgentRole role, Long epicId, Long storyId, Map<String, Object> payload) {

    public NewTask {
        payload = payload == null ? Map.of() : Map.copyOf(payload);
    }

    /** A task of a catalogued type, for the agent role that handles it. */
    public NewTask(TaskType type, Long epicId, Long storyId, Map<String, Object> payload) {
        this(type.key(), type.role(), epicId, storyId, payload);
    }
}
