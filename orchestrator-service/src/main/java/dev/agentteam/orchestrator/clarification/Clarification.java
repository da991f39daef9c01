package dev.agentteam.orchestrator.clarification;

import dev.agentteam.orchestrator.task.TaskView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A row of {@code clarifications}; the task feature inserts it when an agent answers CLARIFY. */
@Entity
@Table(name = "clarifications")
class Clarification {

    @Id
    private Long id;

    @Column(name = "task_id", nullable = false, updatable = false)
    private Long taskId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    private List<String> questions = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    private List<String> answers;

    @Column(updatable = false)
    private String context;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ClarificationStatus status;

    @Column(name = "asked_at", nullable = false, updatable = false)
    private Instant askedAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "answered_by")
    private Long answeredBy;

    protected Clarification() {
    }

    Long id() {
        return id;
    }

    Long taskId() {
        return taskId;
    }

    List<String> questions() {
        return List.copyOf(questions);
    }

    ClarificationStatus status() {
        return status;
    }

    void answer(List<String> given, Long by, Instant now) {
        answers = new ArrayList<>(given);
        answeredBy = by;
        answeredAt = now;
        status = ClarificationStatus.ANSWERED;
    }

    ClarificationView view(TaskView task) {
        List<ClarificationView.Answer> pairs = new ArrayList<>();
        if (answers != null) {
            for (int i = 0; i < questions.size() && i < answers.size(); i++) {
                pairs.add(new ClarificationView.Answer(questions.get(i), answers.get(i)));
            }
        }
        return new ClarificationView(id, taskId, task == null ? null : task.type(), task == null ? null : task.epicId(),
                task == null ? null : task.storyId(), List.copyOf(questions), context, status, askedAt, pairs,
                answeredAt, answeredBy);
    }
}
