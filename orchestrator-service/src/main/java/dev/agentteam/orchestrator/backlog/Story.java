package dev.agentteam.orchestrator.backlog;

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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

@Entity
@Table(name = "stories")
class Story {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "epic_id", nullable = false)
    private Long epicId;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String statement;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "acceptance_criteria", nullable = false)
    private List<AcceptanceCriterion> acceptanceCriteria = new ArrayList<>();

    private Integer estimate;

    @Column(nullable = false)
    private int priority;

    // Written only by StoryLifecycle (with started_at and done_at), never by an entity update.
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private StoryStatus status;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "story_dependencies", joinColumns = @JoinColumn(name = "story_id"))
    @Column(name = "depends_on_id", nullable = false)
    private Set<Long> dependsOn = new TreeSet<>();

    @Column(name = "needs_split", nullable = false)
    private boolean needsSplit;

    @Column(name = "source_task_id", updatable = false)
    private Long sourceTaskId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "started_at", insertable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "done_at", insertable = false, updatable = false)
    private Instant doneAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Story() {
    }

    Story(long epicId, NewStory story) {
        this.epicId = epicId;
        this.title = story.title();
        this.statement = story.statement() == null ? "" : story.statement();
        this.acceptanceCriteria = new ArrayList<>(story.acceptanceCriteria());
        this.estimate = story.estimate();
        this.priority = story.priority() == null ? 3 : story.priority();
        this.status = story.status() == null ? StoryStatus.READY : story.status();
        this.dependsOn = new TreeSet<>(story.dependsOn());
        this.needsSplit = story.needsSplit();
        this.sourceTaskId = story.sourceTaskId();
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    Long id() {
        return id;
    }

    void dependOn(Set<Long> storyIds) {
        dependsOn = new TreeSet<>(storyIds);
        updatedAt = Instant.now();
    }

    StoryView view() {
        return new StoryView(id, epicId, title, statement, List.copyOf(acceptanceCriteria), estimate, priority, status,
                List.copyOf(dependsOn), createdAt, startedAt, doneAt, needsSplit);
    }
}
