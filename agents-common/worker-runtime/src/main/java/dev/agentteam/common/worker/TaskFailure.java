package dev.agentteam.common.worker;

import dev.agentteam.common.task.ClassifiedFailure;
import dev.agentteam.common.task.InvalidPayloadException;
import dev.agentteam.common.task.ResultStatus;
import dev.agentteam.common.task.TaskEnvelope;
import dev.agentteam.common.task.TaskResult;
import dev.agentteam.common.task.TokenUsage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * The one reading of an exception that ended a task attempt: its one-line reason, whether a later attempt may succeed
 * and when. The first {@link ClassifiedFailure} on the cause chain decides ({@link TransientTaskException} is one: a
 * handler's explicit call); an interruption or cancellation (the worker is stopping) may pass; an invalid payload and
 * anything else are final. A final failure's reason names its kind ({@code BudgetExceededException: …}), one that may
 * pass reads as its message; {@link StepFailedException} and {@link InvalidPayloadException} are always their message.
 *
 * @param retryAfter null for the orchestrator's default backoff
 */
public record TaskFailure(String reason, boolean retryable, Duration retryAfter) {

    private static final int MAX_REASON = 500;
    private static final int MAX_DEPTH = 20;

    public static TaskFailure of(Throwable error) {
        Throwable decisive = null;
        int depth = 0;
        for (Throwable t = error; t != null && decisive == null && depth++ < MAX_DEPTH; t = t.getCause()) {
            if (t instanceof ClassifiedFailure || t instanceof InvalidPayloadException
                    || t instanceof InterruptedException || t instanceof CancellationException) {
                decisive = t;
            }
        }
        if (decisive instanceof ClassifiedFailure classified) {
            Throwable named = error instanceof StepFailedException ? error : decisive;
            return new TaskFailure(reason(named, classified.retryable()), classified.retryable(), classified.retryAfter());
        }
        if (decisive instanceof InterruptedException || decisive instanceof CancellationException) {
            return new TaskFailure(oneLine("interrupted: " + message(decisive)), true, null);
        }
        return new TaskFailure(reason(decisive instanceof InvalidPayloadException ? decisive : error, false), false, null);
    }

    /** The FAILED result this failure makes for the attempt, with the tokens it spent (null when unknown). */
    public TaskResult toResult(TaskEnvelope task, String workerId, TokenUsage usage) {
        return new TaskResult(task.taskId(), task.attempt(), workerId, ResultStatus.FAILED, Map.of(), reason, retryable,
                retryAfter, List.of(), usage, Instant.now());
    }

    private static String reason(Throwable e, boolean retryable) {
        boolean plain = retryable || e instanceof StepFailedException || e instanceof InvalidPayloadException
                || e.getMessage() == null || e.getMessage().isBlank();
        return oneLine(plain ? message(e) : e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    private static String message(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** Whitespace collapsed (stack traces go to the log, not the result), length capped. */
    static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").trim();
        return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON - 1) + "…";
    }
}
