package dev.agentteam.orchestrator.task;

import java.util.Map;

/** Published after a task's success is committed; the owning feature reacts (e.g. backlog stores stories). */
public record TaskSucceeded(long taskId, String type, Long epicId, Long storyId, Map<String, Object> output) {
}
