package dev.agentteam.orchestrator.backlog;

import dev.agentteam.orchestrator.api.ApiProblems;
import dev.agentteam.orchestrator.history.ChangedBy;
import dev.agentteam.orchestrator.history.StatusHistory;
import dev.agentteam.orchestrator.history.Subject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/**
 * The one writer of {@code stories.status}: checks each move against {@link StoryStatus}'s table, keeps
 * {@code started_at}/{@code done_at}, records the change in the status history, moves the story's epic along
 * (IN_PROGRESS when its first story starts, DONE when all are DONE or CANCELLED) and announces {@link StoryMoved}.
 * Runs in the caller's transaction; the story row is locked for the move.
 */
@Service
public class StoryLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StoryLifecycle.class);

    private final JdbcClient jdbc;
    private final StatusHistory history;
    private final EpicLifecycle epics;
    private final ApplicationEventPublisher events;

    StoryLifecycle(JdbcClient jdbc, StatusHistory history, EpicLifecycle epics, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.history = history;
        this.epics = epics;
        this.events = events;
    }

    /**
     * Moves the story when its table allows it from the status it has now; false (nothing changed) when the story
     * is unknown, already there, or the move is not allowed — what a reaction to an event wants.
     */
    @Transactional
    public boolean move(long storyId, StoryStatus to, ChangedBy by) {
        Optional<Current> current = lock(storyId);
        if (current.isEmpty() || !current.get().status().canMoveTo(to)) {
            return false;
        }
        apply(storyId, current.get(), to, by);
        return true;
    }

    /** A move a person asked for: unknown story → 404; a move the table does not allow → 409 naming the allowed ones. */
    @Transactional
    public StoryStatus require(long storyId, StoryStatus to, ChangedBy by) {
        Current current = lock(storyId).orElseThrow(() -> ApiProblems.notFound("story", storyId));
        if (!current.status().canMoveTo(to)) {
            throw ApiProblems.conflict("Story " + storyId + " is " + current.status() + " and cannot move to " + to
                    + (current.status().next().isEmpty() ? ": " + current.status() + " is final."
                    : "; from " + current.status() + " it can move to " + current.status().next() + "."));
        }
        apply(storyId, current, to, by);
        return current.status();
    }

    /** The first entry of a new story's history (it is stored with its first status). */
    void created(long storyId, StoryStatus status, ChangedBy by) {
        history.record(Subject.STORY, storyId, null, status, by);
    }

    private Optional<Current> lock(long storyId) {
        return jdbc.sql("select status, epic_id from stories where id = ? for update").param(storyId)
                .query((rs, n) -> new Current(StoryStatus.valueOf(rs.getString(1)), rs.getLong(2))).optional();
    }

    private void apply(long storyId, Current current, StoryStatus to, ChangedBy by) {
        jdbc.sql("""
                        update stories set status = :to, updated_at = now(),
                               started_at = case when :started then coalesce(started_at, now()) else started_at end,
                               done_at = case when :to = 'DONE' then now() else done_at end
                        where id = :id""")
                .param("to", to.name()).param("started", to.started()).param("id", storyId).update();
        history.record(Subject.STORY, storyId, current.status(), to, by);
        log.info("Story {}: {} → {} ({})", storyId, current.status(), to, describe(by));
        epics.storyMoved(current.epicId(), storyId, to);
        events.publishEvent(new StoryMoved(storyId, current.epicId(), current.status(), to));
    }

    static String describe(ChangedBy by) {
        return by.userId() != null ? "user " + by.userId() : by.taskId() != null ? "task " + by.taskId()
                : by.reason() == null ? "system" : by.reason();
    }

    private record Current(StoryStatus status, long epicId) {
    }
}
