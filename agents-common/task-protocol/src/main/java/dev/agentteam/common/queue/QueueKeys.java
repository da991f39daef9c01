package dev.agentteam.common.queue;

import dev.agentteam.common.task.AgentRole;

/** The Redis key names of the queue protocol (docs/adr/task-dispatch.md), kept in one place. */
public final class QueueKeys {

    public static final String DONE = "tasks:done";
    public static final String DEAD = "tasks:dead";

    private QueueKeys() {
    }

    public static String pending(AgentRole role) {
        return "tasks:pending:" + role.key();
    }

    public static String inProgress(AgentRole role, String workerId) {
        return "tasks:in_progress:" + role.key() + ":" + workerId;
    }

    public static String inProgressPattern(AgentRole role) {
        return "tasks:in_progress:" + role.key() + ":*";
    }

    public static String heartbeat(AgentRole role, String workerId) {
        return "workers:" + role.key() + ":" + workerId;
    }

    public static String heartbeatPattern(AgentRole role) {
        return "workers:" + role.key() + ":*";
    }

    /** The orchestrator's own claim list while it applies a result (reliable consumption of {@link #DONE}). */
    public static String doneProcessing(String consumerId) {
        return "tasks:done:processing:" + consumerId;
    }

    public static String doneProcessingPattern() {
        return "tasks:done:processing:*";
    }
}
