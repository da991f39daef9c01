package dev.agentteam.common.worker;

import dev.agentteam.common.task.TaskEnvelope;
import dev.agentteam.common.task.TaskResult;

/**
 * The role logic for one task type. Every bean of this type in an agent app is registered with the worker,
 * which claims the role's tasks and hands each to the handler of its {@link TaskEnvelope#type()}.
 *
 * <p>Outcomes: return a {@link TaskResult} (succeeded, failed or clarify; the worker fills in task id, attempt
 * and worker id), or throw: the worker classifies the exception once ({@link TaskFailure}) — a
 * {@link dev.agentteam.common.task.ClassifiedFailure} on its cause chain (a model, code-host or git failure, or
 * {@link TransientTaskException} for a handler's own decision) says whether a later attempt may succeed; anything
 * else fails the task for good. Wrap in {@link StepFailedException} to say what the agent was doing.
 */
public interface TaskHandler {

    /** The task type this handler takes, {@code <role>.<action>} (e.g. {@code dev.implement_story}). */
    String type();

    TaskResult handle(TaskEnvelope task, WorkerContext context) throws Exception;
}
