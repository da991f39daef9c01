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

    SprintSummary summary() {
        return new SprintSummary(id, name, goal, startDate, endDate, capacityPoints, status, List.copyOf(storyIds),
                createdAt, closedAt);
    }
}
