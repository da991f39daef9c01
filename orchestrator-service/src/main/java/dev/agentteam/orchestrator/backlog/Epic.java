package dev.agentteam.orchestrator.backlog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "epics")
class Epic {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String description;

    @Column(name = "created_by", nullable = false)
    private Long createdBy;

    @Column(name = "repository_id")
    private Long repositoryId;

    // Written only by EpicLifecycle (with the columns below it keeps), never by an entity update.
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private EpicStatus status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "refined_at", insertable = false, updatable = false)
    private Instant refinedAt;

    @Column(name = "done_at", insertable = false, updatable = false)
    private Instant doneAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "refinement_error", insertable = false, updatable = false)
    private String refinementError;

    protected Epic() {
    }

    Epic(String title, String description, long createdBy, Long repositoryId) {
        this.title = title;
        this.description = description == null ? "" : description;
        this.createdBy = createdBy;
        this.repositoryId = repositoryId;
        this.status = EpicStatus.NEW;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    Long id() {
        return id;
    }

    /** Still waiting for its stories; a failed refinement counts, since its task may be queued again. */
    boolean refining() {
        return status == EpicStatus.REFINING || status == EpicStatus.CLARIFYING || status == EpicStatus.REFINEMENT_FAILED;
    }

    EpicView view() {
        return new EpicView(id, title, description, createdBy, repositoryId, status, createdAt, refinedAt, doneAt,
                refinementError);
    }
}
