package dev.agentteam.orchestrator.task;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of task dispatch, retries and reconciliation ({@code agentteam.tasks.*}).
 *
 * @param maxAttempts         attempts a new task gets before it is dead-lettered
 * @param lease               how long a worker's claim may go without a heartbeat (carried in the envelope)
 * @param backoffBase         delay before the first retry
 * @param backoffFactor       multiplier per further retry
 * @param backoffMax          upper bound of the retry delay
 * @param backoffJitter       fraction (0..1) of the delay added or removed at random (never below backoff-base), so retries do not bunch up
 * @param reconcileInterval   how often Postgres and Redis are compared
 * @param reconcileGrace      how long a QUEUED task may be missing from Redis before it is enqueued again
 * @param retryPollInterval   how often due retries are looked for
 * @param resultConsumers     threads taking results from {@code tasks:done}
 * @param resultWait          how long one take from {@code tasks:done} blocks
 * @param resultBatchSize     results applied in one transaction at most: the one a take returned plus those already
 *                            waiting in {@code tasks:done} (never waits for more)
 * @param consumerId          this orchestrator's name on {@code tasks:done:processing:<id>-<n>}; must survive a restart
 *                            so the results a crashed process left unacknowledged are recovered (default: the host name)
 */
@ConfigurationProperties("agentteam.tasks")
record TaskProperties(
        Integer maxAttempts,
        Duration lease,
        Duration backoffBase,
        Double backoffFactor,
        Duration backoffMax,
        Double backoffJitter,
        Duration reconcileInterval,
        Duration reconcileGrace,
        Duration retryPollInterval,
        Integer resultConsumers,
        Duration resultWait,
        String consumerId,
        Integer resultBatchSize) {

    TaskProperties {
        maxAttempts = maxAttempts == null ? 3 : maxAttempts;
        lease = lease == null ? Duration.ofSeconds(60) : lease;
        backoffBase = backoffBase == null ? Duration.ofSeconds(5) : backoffBase;
        backoffFactor = backoffFactor == null ? 2.0 : backoffFactor;
        backoffMax = backoffMax == null ? Duration.ofMinutes(5) : backoffMax;
        backoffJitter = backoffJitter == null ? 0.1 : backoffJitter;
        reconcileInterval = reconcileInterval == null ? Duration.ofSeconds(30) : reconcileInterval;
        reconcileGrace = reconcileGrace == null ? Duration.ofSeconds(10) : reconcileGrace;
        retryPollInterval = retryPollInterval == null ? Duration.ofSeconds(2) : retryPollInterval;
        resultConsumers = resultConsumers == null ? 1 : resultConsumers;
        resultWait = resultWait == null ? Duration.ofSeconds(1) : resultWait;
        resultBatchSize = resultBatchSize == null ? 50 : resultBatchSize;
        if (resultBatchSize < 1 || resultBatchSize > 1000) {
            throw new IllegalArgumentException("agentteam.tasks.result-batch-size must be between 1 and 1000, was "
                    + resultBatchSize);
        }
        consumerId = consumerId == null || consumerId.isBlank() ? "orchestrator-" + hostName() : consumerId;
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("agentteam.tasks.max-attempts must be at least 1, was " + maxAttempts);
        }
        if (resultConsumers < 1) {
            throw new IllegalArgumentException("agentteam.tasks.result-consumers must be at least 1, was " + resultConsumers);
        }
        if (backoffFactor < 1.0 || backoffJitter < 0.0 || backoffJitter >= 1.0) {
            throw new IllegalArgumentException("agentteam.tasks.backoff-factor must be >= 1 and backoff-jitter in [0, 1)");
        }
    }

    private static String hostName() {
        String fromEnv = System.getenv("HOSTNAME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "local";
        }
    }
}
