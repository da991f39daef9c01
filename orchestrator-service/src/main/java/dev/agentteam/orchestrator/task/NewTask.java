package dev.agentteam.orchestrator.task;

import dev.agentteam.common.task.AgentRole;

import java.util.Map;

/** A command to create a task for an agent role. {@code epicId} and {@code storyId} may be null. */
public record NewTask(String type, AgentRole role, Long epicId, Long storyId, Map<String, Object> payload) {

    public NewTask {
        payload = payload == null ? Map.of() : Map.copyOf(payload);
    }
}
