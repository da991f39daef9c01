package dev.agentteam.orchestrator.task;

import dev.agentteam.common.task.AgentRole;

/** Who a task is assigned to: exactly one of an agent role or a human user. */
public record Assignee(AgentRole role, Long userId) {

    public Assignee {
        if ((role == null) == (userId == null)) {
            throw new IllegalArgumentException("assign to exactly one of an agent role or a human user");
        }
    }

    public static Assignee agent(AgentRole role) {
        return new Assignee(role, null);
    }

    public static Assignee human(long userId) {
        return new Assignee(null, userId);
    }

    /** The value stored in {@code tasks.assigned_to}: the role key ({@code po}) or {@code human:<id>}. */
    public String storedValue() {
        return role != null ? role.key() : "human:" + userId;
    }
}
