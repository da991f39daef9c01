package dev.agentteam.common.task;

import java.time.Duration;

/**
 * A failure that knows whether another attempt of its task may succeed: the module that throws it owns that rule (the
 * LLM gateway for model failures, the code host for its refusals and outages, the workspace for git). The worker reads
 * it off the exception's cause chain and reports a FAILED result with {@link TaskResult#retryable()} and
 * {@link TaskResult#retryAfter()} set from it (docs/adr/failure-outcomes.md), so handlers need not re-classify.
 */
public interface ClassifiedFailure {

    /** Whether a later attempt may succeed (the cause may pass: an outage, a rate limit, the network). */
    boolean retryable();

    /** The earliest sensible retry (e.g. a rate limit's reset), or null for the orchestrator's default backoff. */
    default Duration retryAfter() {
        return null;
    }
}
