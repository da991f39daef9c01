package dev.agentteam.orchestrator.task;

import dev.agentteam.common.task.TaskState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One step of a task's status timeline ({@code task_transitions}), written with every status change. */
@Entity
@Table(name = "task_transitions")
class TaskTransitionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long taskId;
    @Enumerated(EnumType.STRING)
    private TaskState fromStatus;
    @Enumerated(EnumType.STRING)
    private TaskState toStatus;
    private int attempt;
    private String reason;
    @Column(name = "at")
    private Instant at;

    protected TaskTransitionEntity() {
    }

    TaskTransitionEntity(Long taskId, TaskState from, TaskState to, int attempt, String reason, Instant at) {
        this.taskId = taskId;
        this.fromStatus = from;
        this.toStatus = to;
        this.attempt = attempt;
        this.reason = reason;
        this.at = at;
    }

    /** The same step for a task whose id was not known yet when the step was taken (before its insert). */
    TaskTransitionEntity forTask(Long id) {
        return new TaskTransitionEntity(id, fromStatus, toStatus, attempt, reason, at);
    }

    TaskTransitionView view() {
        return new TaskTransitionView(fromStatus, toStatus, attempt, reason, at);
    }
}
