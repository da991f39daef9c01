package dev.agentteam.common.task;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A self-contained unit of work for one agent role, as it travels on the queue (JSON).
 *
 * @param taskId     the row in Postgres {@code tasks}: the orchestrator's system of record
 * @param type       what to do, {@code <role>.<action>} (e.g. {@code po.refine_epic}, {@code dev.implement_story})
 * @param role       which worker pool takes it
 * @param attempt    1 for the first try; a result carries it back so results of older attempts can be ignored
 * @param lease      how long a claim may go without a heartbeat before the reaper hands the task to another worker
 * @param traceId    correlates logs, audit rows and spans across processes
 * @param enqueuedAt when the orchestrator queued this attempt
 * @param payload    everything the agent needs; agents never read domain tables themselves
 */
public record TaskEnvelope(
        long taskId,
        String type,
        AgentRole role,
        int attempt,
        Duration lease,
        String traceId,
        Instant enqueuedAt,
        Map<String, Object> payload) {

    public TaskEnvelope {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(role, "role");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt starts at 1, was " + attempt);
        }
        lease = lease == null ? Duration.ofMinutes(2) : lease;
        payload = payload == null ? Map.of() : Map.copyOf(payload);
    }
}
