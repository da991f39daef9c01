package dev.agentteam.common.task;

/**
 * The typed result of one task type (what a worker reports as {@link TaskResult#output()} when it succeeded). Each
 * task type has exactly one result record, listed in {@link TaskResults}; the worker builds it and
 * {@link TaskResult#succeeded(TaskEnvelope, String, TaskOutput, TokenUsage)} turns it into the envelope's JSON object,
 * and the orchestrator reads it back through {@link TaskResults#read(TaskType, java.util.Map)}.
 */
public interface TaskOutput {
}
