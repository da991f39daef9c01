package dev.agentteam.orchestrator.task;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** The delay before a retry: exponential in the number of failed attempts, capped, with jitter. */
final class Backoff {

    private final TaskProperties properties;

    Backoff(TaskProperties properties) {
        this.properties = properties;
    }

    /**
     * @param failedAttempts attempts used so far (1 after the first failure)
     * @param retryAfter     the worker's own hint (e.g. a provider's Retry-After); wins when given
     */
    Duration delay(int failedAttempts, Duration retryAfter) {
        if (retryAfter != null && !retryAfter.isNegative()) {
            return retryAfter;
        }
        double base = properties.backoffBase().toMillis();
        double exponential = base * Math.pow(properties.backoffFactor(), Math.max(0, failedAttempts - 1));
        double capped = Math.min(exponential, properties.backoffMax().toMillis());
        double jitter = properties.backoffJitter();
        double factor = jitter == 0 ? 1.0 : ThreadLocalRandom.current().nextDouble(1.0 - jitter, 1.0 + jitter);
        return Duration.ofMillis(Math.round(Math.min(capped * factor, properties.backoffMax().toMillis())));
    }
}
