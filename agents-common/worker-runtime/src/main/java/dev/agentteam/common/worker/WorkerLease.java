package dev.agentteam.common.worker;

import dev.agentteam.common.queue.TaskQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A worker's heartbeat in Redis and the reaping of dead workers' claims. Redis errors are logged, never
 * thrown: a worker outlives a Redis restart and simply stops claiming while its lease is not fresh.
 */
final class WorkerLease {

    private static final Logger log = LoggerFactory.getLogger(WorkerLease.class);

    private final TaskQueue queue;
    private final WorkerProperties settings;
    private final Supplier<Stream<Duration>> heldTaskLeases;
    private final Set<String> types;
    private volatile Instant lastRenewed;

    /** @param types the task types this worker handles, declared with every heartbeat */
    WorkerLease(TaskQueue queue, WorkerProperties settings, Supplier<Stream<Duration>> heldTaskLeases, Set<String> types) {
        this.queue = queue;
        this.settings = settings;
        this.heldTaskLeases = heldTaskLeases;
        this.types = Set.copyOf(types);
    }

    /**
     * A process reusing a fixed worker id is the successor of a dead one: drop the old heartbeat, so the
     * reaper returns the predecessor's claims, before this process announces itself.
     */
    void takeOver() {
        try {
            queue.unregister(settings.role(), settings.id());
        } catch (RuntimeException e) {
            log.warn("Worker {} could not clear a previous heartbeat: {}", settings.id(), e.getMessage());
        }
        reap();
        renew();
    }

    void renew() {
        try {
            queue.heartbeat(settings.role(), settings.id(), ttl(), types);
            lastRenewed = Instant.now();
        } catch (RuntimeException e) {
            log.warn("Worker {} could not renew its heartbeat: {}", settings.id(), e.getMessage());
        }
    }

    /** The worker's lease, or longer while it holds a task whose envelope asks for a longer lease. */
    private Duration ttl() {
        return heldTaskLeases.get().reduce(settings.lease(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }

    void reap() {
        try {
            queue.reapExpiredClaims(settings.role());
        } catch (RuntimeException e) {
            log.warn("Reaping {} claims failed: {}", settings.role().key(), e.getMessage());
        }
    }

    /** Claiming without a live heartbeat would let the reaper hand the task to another worker. */
    boolean isFresh() {
        Instant last = lastRenewed;
        return last != null && last.plus(settings.lease()).isAfter(Instant.now());
    }

    Instant lastRenewed() {
        return lastRenewed;
    }

    void end() {
        try {
            queue.unregister(settings.role(), settings.id());
        } catch (RuntimeException e) {
            log.warn("Could not remove the heartbeat of worker {}: {}", settings.id(), e.getMessage());
        }
    }
}
