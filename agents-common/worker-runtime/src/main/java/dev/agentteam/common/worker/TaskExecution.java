package dev.agentteam.common.worker;

import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.ClaimedTask;
import dev.agentteam.common.task.InvalidPayloadException;
import dev.agentteam.common.task.ResultStatus;
import dev.agentteam.common.task.TaskEnvelope;
import dev.agentteam.common.task.TaskResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs one claimed task through the handler of its type and turns every outcome, exceptions included, into a
 * {@link TaskResult} for the orchestrator. Reasons are one line: stack traces go to the log, not the result.
 */
final class TaskExecution {

    private static final Logger log = LoggerFactory.getLogger(TaskExecution.class);

    private final AgentRole role;
    private final Map<String, TaskHandler> handlers;
    private final MeterRegistry meters;

    TaskExecution(AgentRole role, Collection<TaskHandler> handlers, MeterRegistry meters) {
        this.role = role;
        this.meters = meters;
        this.handlers = new LinkedHashMap<>();
        String prefix = role.key() + ".";
        for (TaskHandler handler : handlers) {
            String type = handler.type();
            if (type == null || !type.startsWith(prefix)) {
                throw new IllegalStateException("TaskHandler " + handler.getClass().getName() + " takes type '" + type
                        + "', but this is the " + role.key() + " agent: its task types start with '" + prefix + "'");
            }
            TaskHandler previous = this.handlers.putIfAbsent(type, handler);
            if (previous != null) {
                throw new IllegalStateException("two TaskHandlers take type '" + type + "': "
                        + previous.getClass().getName() + " and " + handler.getClass().getName());
            }
        }
    }

    Set<String> types() {
        return handlers.keySet();
    }

    boolean hasHandlers() {
        return !handlers.isEmpty();
    }

    TaskResult run(TaskEnvelope task, WorkerContext context) {
        Timer.Sample sample = Timer.start(meters);
        // the handler's thread acts for this task and worker (the code hosts fetch its forge credential with it)
        new ClaimedTask(task.taskId(), task.attempt(), context.workerId()).bind();
        TaskResult result;
        try {
            result = handleSafely(task, context);
        } finally {
            ClaimedTask.release();
        }
        String outcome = outcome(result);
        sample.stop(meters.timer("agentteam.worker.task.duration", "role", role.key(), "type", task.type(), "outcome", outcome));
        meters.counter("agentteam.worker.tasks", "role", role.key(), "type", task.type(), "outcome", outcome).increment();
        return result;
    }

    private TaskResult handleSafely(TaskEnvelope task, WorkerContext context) {
        String workerId = context.workerId();
        TaskHandler handler = handlers.get(task.type());
        if (handler == null) {
            log.error("Task {} has type '{}', which no handler of the {} agent takes (it takes {})", task.taskId(), task.type(),
                    role.key(), handlers.keySet());
            return TaskResult.failed(task, workerId, "no handler for type " + task.type() + " in the " + role.key() + " agent",
                    false, null);
        }
        try {
            TaskResult result = handler.handle(task, context);
            if (result == null) {
                return TaskResult.failed(task, workerId, "the handler for " + task.type() + " returned no result", false, null);
            }
            return ownedBy(result, task, workerId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TaskFailure("interrupted while handling " + task.type(), true, null).toResult(task, workerId, null);
        } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
            TaskFailure failure = TaskFailure.of(e);
            if (failure.retryable()) {
                log.warn("Task {} attempt {} failed, may be retried: {}", task.taskId(), task.attempt(), failure.reason(), e);
            } else if (e instanceof InvalidPayloadException) {
                log.warn("Task {} of type {} has an invalid payload: {}", task.taskId(), task.type(), e.getMessage());
            } else {
                log.error("Task {} attempt {} of type {} failed", task.taskId(), task.attempt(), task.type(), e);
            }
            return failure.toResult(task, workerId, null);
        }
    }

    /** The worker vouches for which task, attempt and worker a result belongs to, whatever the handler filled in. */
    private static TaskResult ownedBy(TaskResult r, TaskEnvelope task, String workerId) {
        if (r.taskId() == task.taskId() && r.attempt() == task.attempt() && workerId.equals(r.workerId())) {
            return r;
        }
        return new TaskResult(task.taskId(), task.attempt(), workerId, r.status(), r.output(), r.error(), r.retryable(),
                r.retryAfter(), r.questions(), r.usage(), r.finishedAt());
    }

    private static String outcome(TaskResult result) {
        if (result.status() == ResultStatus.FAILED) {
            return result.retryable() ? "failed_retryable" : "failed";
        }
        return result.status().name().toLowerCase(Locale.ROOT);
    }
}
