package dev.agentteam.orchestrator.task;

import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.TaskState;
import dev.agentteam.common.task.TokenUsage;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.ColumnTransformer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A row of {@code tasks}. Its status only changes through {@link #moveTo}, which obeys {@link TaskState}'s table.
 * {@code started_at} and {@code worker_id} come from the worker's start notice (docs/adr/task-handlers.md).
 */
@Entity
@Table(name = "tasks")
class TaskEntity {

    static final String HUMAN_PREFIX = "human:";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long epicId;
    private Long storyId;
    private String type;
    private String assignedTo;
    @Enumerated(EnumType.STRING)
    private TaskState status;
    private int attemptCount;
    private int maxAttempts;
    @Convert(converter = JsonMapConverter.class)
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private Map<String, Object> payload;
    @Convert(converter = JsonMapConverter.class)
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private Map<String, Object> result;
    private String lastError;
    private String traceId;
    private String workerId;
    private Instant nextAttemptAt;
    private long inputTokens;
    private long outputTokens;
    private BigDecimal costUsd;
    private Instant createdAt;
    private Instant queuedAt;
    private Instant startedAt;
    private Instant finishedAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected TaskEntity() {
    }

    TaskEntity(NewTask command, int maxAttempts, String traceId, Instant now) {
        this.epicId = command.epicId();
        this.storyId = command.storyId();
        this.type = command.type();
        this.assignedTo = command.role().key();
        this.status = TaskState.PENDING;
        this.maxAttempts = maxAttempts;
        this.payload = new LinkedHashMap<>(command.payload());
        this.traceId = traceId;
        this.costUsd = BigDecimal.ZERO;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Changes the status if the table allows it (else throws before touching anything) and returns the record of it. */
    TaskTransitionEntity moveTo(TaskState next, String reason, Instant now) {
        TaskState previous = status;
        status = previous.moveTo(next);
        updatedAt = now;
        if (next == TaskState.QUEUED) {
            queuedAt = now;
            nextAttemptAt = null;
        }
        if (next.isFinal() || next == TaskState.BLOCKED) {
            finishedAt = now;
        }
        return new TaskTransitionEntity(id, previous, next, currentAttempt(), reason, now);
    }

    /** The attempt a delivery of this task carries now: attempts already reported, plus one. */
    int currentAttempt() {
        return attemptCount + 1;
    }

    /** Counts a reported attempt and what it spent. */
    void recordAttempt(String worker, TokenUsage usage, Instant now) {
        attemptCount++;
        workerId = worker;
        inputTokens += usage.inputTokens();
        outputTokens += usage.outputTokens();
        costUsd = costUsd.add(usage.estimatedCostUsd());
        updatedAt = now;
    }

    Optional<AgentRole> role() {
        return assignedTo.startsWith(HUMAN_PREFIX) ? Optional.empty() : Optional.of(AgentRole.fromKey(assignedTo));
    }

    /** The worker's start notice: who runs the current attempt and since when. */
    void startedBy(String worker, Instant at) {
        workerId = worker;
        startedAt = at;
        updatedAt = Instant.now();
    }

    String workerId() {
        return workerId;
    }

    void assignTo(String storedValue, Instant now) {
        assignedTo = storedValue;
        updatedAt = now;
    }

    void requeuedAt(Instant now) {
        queuedAt = now;
        updatedAt = now;
    }

    void succeeded(Map<String, Object> output) {
        result = new LinkedHashMap<>(output);
        lastError = null;
    }

    /** Records a failure after {@link #moveTo} FAILED: retried at {@code retryAt}, or (null) the task's outcome. */
    void failed(String error, Instant retryAt) {
        lastError = error;
        nextAttemptAt = retryAt;
        if (retryAt == null) {
            finishedAt = updatedAt;
        }
    }

    /** After {@link #moveTo} CANCELLED: no retry is due any more. */
    void cancelled() {
        nextAttemptAt = null;
    }

    /** A human's answer travels with the next attempt; the clarification round does not use up a retry. */
    void resumeWith(Map<String, Object> extraPayload) {
        Map<String, Object> merged = new LinkedHashMap<>(payload);
        merged.putAll(extraPayload);
        payload = merged;
        grantAttempt();
    }

    /** One more attempt than configured: a resumed or re-queued task must not die of its earlier attempts. */
    void grantAttempt() {
        maxAttempts++;
    }

    TaskView view() {
        return new TaskView(id, type, assignedTo, status, attemptCount, maxAttempts, epicId, storyId,
                payload == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(payload)),
                result == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(result)), lastError, traceId,
                createdAt, queuedAt, startedAt, finishedAt, workerId, nextAttemptAt);
    }

    Long id() {
        return id;
    }

    String type() {
        return type;
    }

    TaskState status() {
        return status;
    }

    int attemptCount() {
        return attemptCount;
    }

    int maxAttempts() {
        return maxAttempts;
    }

    Long epicId() {
        return epicId;
    }

    Long storyId() {
        return storyId;
    }

    Map<String, Object> payload() {
        return payload;
    }

    Map<String, Object> result() {
        return result;
    }

    String lastError() {
        return lastError;
    }

    String traceId() {
        return traceId;
    }

    String assignedTo() {
        return assignedTo;
    }
}
