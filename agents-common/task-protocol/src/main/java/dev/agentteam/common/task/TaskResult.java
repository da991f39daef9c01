package dev.agentteam.common.task;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a worker reports for one attempt of a task, pushed to {@code tasks:done}.
 *
 * @param retryable  for FAILED: true when a later attempt may succeed (timeouts, 5xx, rate limits)
 * @param retryAfter for FAILED: the earliest sensible retry (e.g. from {@code Retry-After}); null for the default backoff
 * @param questions  for CLARIFY: at most five concrete questions for a human
 */
public record TaskResult(
        long taskId,
        int attempt,
        String workerId,
        ResultStatus status,
        Map<String, Object> output,
        String error,
        boolean retryable,
        Duration retryAfter,
        List<String> questions,
        TokenUsage usage,
        Instant finishedAt) {

    public static final int MAX_QUESTIONS = 5;

    public TaskResult {
        Objects.requireNonNull(status, "status");
        output = output == null ? Map.of() : Map.copyOf(output);
        questions = questions == null ? List.of() : List.copyOf(questions);
        usage = usage == null ? TokenUsage.NONE : usage;
        finishedAt = finishedAt == null ? Instant.now() : finishedAt;
        if (status == ResultStatus.CLARIFY && (questions.isEmpty() || questions.size() > MAX_QUESTIONS)) {
            throw new IllegalArgumentException("a clarification carries 1 to " + MAX_QUESTIONS + " questions, got " + questions.size());
        }
    }

    /**
     * The work is done: {@code output} is the task type's result record ({@link TaskResults}), carried as its JSON object.
     */
    public static TaskResult succeeded(TaskEnvelope task, String workerId, TaskOutput output, TokenUsage usage) {
        return new TaskResult(task.taskId(), task.attempt(), workerId, ResultStatus.SUCCEEDED, TaskPayloads.toMap(output),
                null, false, null, List.of(), usage, Instant.now());
    }

    /** The notice a worker sends when it claims an attempt (see {@link ResultStatus#STARTED}). */
    public static TaskResult started(TaskEnvelope task, String workerId) {
        return new TaskResult(task.taskId(), task.attempt(), workerId, ResultStatus.STARTED, Map.of(), null, false, null,
                List.of(), null, Instant.now());
    }

    public static TaskResult failed(TaskEnvelope task, String workerId, String error, boolean retryable, TokenUsage usage) {
        return new TaskResult(task.taskId(), task.attempt(), workerId, ResultStatus.FAILED, Map.of(), error, retryable, null,
                List.of(), usage, Instant.now());
    }

    /** A failure with what the attempt did besides its reason (e.g. the Dev agent's last test run and trajectory). */
    public static TaskResult failed(TaskEnvelope task, String workerId, String error, boolean retryable, TokenUsage usage,
                                    TaskOutput details) {
        return new TaskResult(task.taskId(), task.attempt(), workerId, ResultStatus.FAILED, TaskPayloads.toMap(details),
                error, retryable, null, List.of(), usage, Instant.now());
    }

    public static TaskResult clarify(TaskEnvelope task, String workerId, List<String> questions, TokenUsage usage) {
        return new TaskResult(task.taskId(), task.attempt(), workerId, ResultStatus.CLARIFY, Map.of(), null, false, null,
                questions, usage, Instant.now());
    }
}
