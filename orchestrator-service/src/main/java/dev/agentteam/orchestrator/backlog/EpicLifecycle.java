package dev.agentteam.orchestrator.backlog;

import dev.agentteam.orchestrator.history.ChangedBy;
import dev.agentteam.orchestrator.history.StatusHistory;
import dev.agentteam.orchestrator.history.Subject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The one writer of {@code epics.status} (with {@code refined_at}, {@code done_at} and {@code refinement_error}):
 * each move is checked against {@link EpicStatus}'s table and recorded in the status history. Stories move their
 * epic: IN_PROGRESS when the first one starts, DONE when every one is DONE or CANCELLED.
 */
@Component
class EpicLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EpicLifecycle.class);

    private final JdbcClient jdbc;
    private final StatusHistory history;

    EpicLifecycle(JdbcClient jdbc, StatusHistory history) {
        this.jdbc = jdbc;
        this.history = history;
    }

    void created(long epicId, ChangedBy by) {
        history.record(Subject.EPIC, epicId, null, EpicStatus.NEW, by);
    }

    /** False when the epic is unknown or the table does not allow the move from its status now. */
    boolean move(long epicId, EpicStatus to, ChangedBy by) {
        return move(epicId, to, by, null);
    }

    boolean refinementFailed(long epicId, String reason, ChangedBy by) {
        return move(epicId, EpicStatus.REFINEMENT_FAILED, by,
                reason == null || reason.isBlank() ? "the refinement task failed" : reason);
    }

    /** Rolls a story's move up to its epic; the epic row is locked so two stories finishing together both count. */
    void storyMoved(long epicId, long storyId, StoryStatus to) {
        Optional<EpicStatus> epic = lock(epicId);
        if (epic.isEmpty()) {
            return;
        }
        ChangedBy by = ChangedBy.system("story " + storyId + " is " + to);
        if (to.started() && epic.get() != EpicStatus.IN_PROGRESS) {
            move(epicId, EpicStatus.IN_PROGRESS, by);
        }
        if (to.isFinal() && allStoriesFinished(epicId)) {
            move(epicId, EpicStatus.DONE, by);
        }
    }

    private boolean move(long epicId, EpicStatus to, ChangedBy by, String error) {
        Optional<EpicStatus> from = lock(epicId);
        if (from.isEmpty() || !from.get().canMoveTo(to)) {
            return false;
        }
        jdbc.sql("""
                        update epics set status = :to, updated_at = now(),
                               refined_at = case when :to = 'REFINED' then now() else refined_at end,
                               done_at = case when :to = 'DONE' then now() else null end,
                               refinement_error = case when :to = 'REFINEMENT_FAILED' then cast(:error as text)
                                                       when :to = 'REFINED' then null else refinement_error end
                        where id = :id""")
                .param("to", to.name()).param("error", error).param("id", epicId).update();
        history.record(Subject.EPIC, epicId, from.get(), to, by);
        log.info("Epic {}: {} → {} ({})", epicId, from.get(), to, StoryLifecycle.describe(by));
        return true;
    }

    private Optional<EpicStatus> lock(long epicId) {
        return jdbc.sql("select status from epics where id = ? for update").param(epicId)
                .query((rs, n) -> EpicStatus.valueOf(rs.getString(1))).optional();
    }

    private boolean allStoriesFinished(long epicId) {
        return !jdbc.sql("select exists(select 1 from stories where epic_id = ? and status not in ('DONE', 'CANCELLED'))")
                .param(epicId).query(Boolean.class).single();
    }
}
