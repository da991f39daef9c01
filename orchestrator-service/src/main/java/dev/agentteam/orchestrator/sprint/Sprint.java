package dev.agentteam.orchestrator.sprint;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

@Entity
@Table(name = "sprints")
class Sprint {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    private String goal;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    private LocalDate endDate;

    @Column(name = "capacity_points")
    private Integer capacityPoints;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SprintStatus status;

    @Column(name = "plan_rationale")
    private String planRationale;

    /** The computed plan (selected and skipped stories with reasons), as JSON. */
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String plan;

    @Column(name = "plan_task_id")
    private Long planTaskId;

    /** The Scrum agent's retrospective plus the metrics it was written from, as JSON. */
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String retro;

    @Column(name = "retro_task_id")
    private Long retroTaskId;

    @Column(name = "started_at")
    private Instant startedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sprint_stories", joinColumns = @JoinColumn(name = "sprint_id"))
    @Column(name = "story_id", nullable = false)
    private Set<Long> storyIds = new TreeSet<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    protected Sprint() {
    }

    Sprint(String name, String goal, LocalDate startDate, LocalDate endDate, Integer capacityPoints,
           Collection<Long> storyIds) {
        this.name = name;
        this.goal = goal;
        this.startDate = startDate;
        this.endDate = endDate;
        this.capacityPoints = capacityPoints;
        this.status = SprintStatus.PLANNED;
        this.storyIds = new TreeSet<>(storyIds);
        this.createdAt = Instant.now();
    }

    Long id() {
        return id;
    }

    SprintStatus status() {
        return status;
    }

    Long planTaskId() {
        return planTaskId;
    }

    Long retroTaskId() {
        return retroTaskId;
    }

    void planned(String planJson, long taskId) {
        this.plan = planJson;
        this.planTaskId = taskId;
    }

    void rationale(String text) {
        this.planRationale = text;
    }

    void start(Instant now) {
        status.requireNext(SprintStatus.ACTIVE, id);
        this.status = SprintStatus.ACTIVE;
        this.startedAt = now;
    }

    void close(Instant now) {
        status.requireNext(SprintStatus.CLOSED, id);
        this.status = SprintStatus.CLOSED;
        this.closedAt = now;
    }

    void commit(Collection<Long> ids) {
        storyIds.addAll(ids);
    }

    boolean release(long storyId) {
        return storyIds.remove(storyId);
    }

    void retroRequested(long taskId) {
        this.retroTaskId = taskId;
    }

    void retro(String retroJson) {
        this.retro = retroJson;
    }

    SprintSummary summary() {
        return new SprintSummary(id, name, goal, startDate, endDate, capacityPoints, status, List.copyOf(storyIds),
                createdAt, startedAt, closedAt, SprintJson.read(plan), planRationale, planTaskId,
                SprintJson.read(retro), retroTaskId);
    }
}
