package dev.agentteam.common.worker;

import dev.agentteam.common.task.AgentRole;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * The worker runtime's settings ({@code agentteam.worker.*}); the worker runs only where {@code role} is set.
 *
 * @param role              which tasks this process takes ({@code AGENTTEAM_WORKER_ROLE})
 * @param id                this process's worker id; defaults to the host name plus a random suffix, so a
 *                          restarted process never inherits the claims of its dead predecessor's id
 * @param concurrency       how many tasks this process works on at once
 * @param lease             the heartbeat's time to live: claims of a worker silent this long are handed out again
 *                          (while it holds a task whose envelope asks for a longer lease, the longer one applies)
 * @param heartbeatInterval how often the worker renews its heartbeat (well below {@code lease})
 * @param pollWait          how long one claim blocks waiting for a task (also bounds how quickly claiming stops)
 * @param reaperInterval    how often this process returns the claims of dead workers of its role
 * @param shutdownGrace     how long a graceful shutdown lets running tasks finish before releasing their claims
 */
@ConfigurationProperties("agentteam.worker")
public record WorkerProperties(
        AgentRole role,
        String id,
        @DefaultValue("1") int concurrency,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("20s") Duration heartbeatInterval,
        @DefaultValue("5s") Duration pollWait,
        @DefaultValue("30s") Duration reaperInterval,
        @DefaultValue("30s") Duration shutdownGrace) {

    public WorkerProperties {
        Objects.requireNonNull(role, "agentteam.worker.role must name a role: po, scrum, dev, qa, review or cicd");
        id = id == null || id.isBlank() ? defaultId() : id.trim();
        if (concurrency < 1) {
            throw new IllegalArgumentException("agentteam.worker.concurrency must be at least 1, was " + concurrency);
        }
        requirePositive("lease", lease);
        requirePositive("heartbeat-interval", heartbeatInterval);
        requirePositive("poll-wait", pollWait);
        requirePositive("reaper-interval", reaperInterval);
        requirePositive("shutdown-grace", shutdownGrace);
        if (heartbeatInterval.compareTo(lease) >= 0) {
            throw new IllegalArgumentException("agentteam.worker.heartbeat-interval (" + heartbeatInterval
                    + ") must be shorter than agentteam.worker.lease (" + lease + "), or live workers lose their claims");
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("agentteam.worker." + name + " must be a positive duration, was " + value);
        }
    }

    private static String defaultId() {
        String host = System.getenv("HOSTNAME");
        String prefix = host == null || host.isBlank() ? "worker" : host.trim();
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
