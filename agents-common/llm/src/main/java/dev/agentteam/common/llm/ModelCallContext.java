package dev.agentteam.common.llm;

import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.TaskEnvelope;
import java.util.Objects;

/**
 * Who is calling the model, passed explicitly to a {@link ModelSession} (no thread-locals): it ends up in
 * every agent_logs row of the session.
 *
 * @param taskId        the task row, or null outside a task
 * @param promptVersion the prompt id, e.g. {@code po_agent_v1}
 */
public record ModelCallContext(AgentRole role, Long taskId, int attempt, String traceId, String promptVersion) {

    public ModelCallContext {
        Objects.requireNonNull(role, "role");
    }

    public static ModelCallContext of(TaskEnvelope task, String promptVersion) {
        return new ModelCallContext(task.role(), task.taskId(), task.attempt(), task.traceId(), promptVersion);
    }
}
