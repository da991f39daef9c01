package dev.agentteam.common.task;

import java.time.Duration;

import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The one backoff: Spring Framework's {@link ExponentialBackOff} (initial interval, multiplier, cap and jitter), read
 * as "the wait before retry number n" by callers that keep the attempt count themselves (a task row, a provider call).
 */
public final class BackoffDelay {

    /** Far beyond any cap a multiplier of at least 1.01 reaches; bounds the walk for a huge attempt count. */
    private static final int MAX_STEPS = 2_000;

    private BackoffDelay() {
    }

    /**
     * @param initial    the wait before the first retry
     * @param multiplier the growth per further retry (at least 1)
     * @param max        the cap
     * @param jitter     the fraction (0..1) of each wait added or removed at random; Spring never goes below
     *                   {@code initial} nor above {@code max}
     */
    public static BackOff exponential(Duration initial, double multiplier, Duration max, double jitter) {
        ExponentialBackOff backOff = new ExponentialBackOff(initial.toMillis(), multiplier);
        backOff.setMaxInterval(max.toMillis());
        // Spring scales its jitter (milliseconds) by interval / initial, so a fraction of the initial wait is a fraction of every wait
        backOff.setJitter(initial.toMillis() == 0 ? 0 : Math.round(initial.toMillis() * jitter));
        return backOff;
    }

    /** The wait before retry number {@code retry} (1-based; below 1 counts as 1). */
    public static Duration nth(BackOff backOff, int retry) {
        BackOffExecution execution = backOff.start();
        long wait = execution.nextBackOff();
        for (int i = 1; i < Math.min(retry, MAX_STEPS); i++) {
            wait = execution.nextBackOff();
        }
        return Duration.ofMillis(Math.max(0, wait));
    }
}
