package dev.agentteam.orchestrator.pullrequest;

import dev.agentteam.orchestrator.history.ChangedBy;
import dev.agentteam.orchestrator.history.StatusHistory;
import dev.agentteam.orchestrator.history.Subject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The one writer of {@code pr_records.status} (with {@code merged_at} and {@code closed_at}): each move is checked
 * against {@link PullRequestStatus}'s table and recorded in the status history, in the caller's transaction.
 */
@Component
class PullRequestLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PullRequestLifecycle.class);

    private final JdbcClient jdbc;
    private final StatusHistory history;

    PullRequestLifecycle(JdbcClient jdbc, StatusHistory history) {
        this.jdbc = jdbc;
        this.history = history;
    }

    /** A record was just inserted (OPEN, the column's default). */
    void created(long id, ChangedBy by) {
        history.record(Subject.PULL_REQUEST, id, null, PullRequestStatus.OPEN, by);
    }

    /** False when the record is unknown or the move is not allowed from its status now (the row stays locked). */
    boolean move(long id, PullRequestStatus to, ChangedBy by) {
        Optional<PullRequestStatus> from = jdbc.sql("select status from pr_records where id = ? for update").param(id)
                .query((rs, n) -> PullRequestStatus.valueOf(rs.getString(1))).optional();
        if (from.isEmpty() || !from.get().canMoveTo(to)) {
            return false;
        }
        jdbc.sql("""
                        update pr_records set status = :to, updated_at = now(),
                               closed_at = case when :to = 'OPEN' then null else coalesce(closed_at, now()) end,
                               merged_at = case when :to = 'MERGED' then coalesce(merged_at, now()) else merged_at end
                        where id = :id""")
                .param("to", to.name()).param("id", id).update();
        history.record(Subject.PULL_REQUEST, id, from.get(), to, by);
        log.info("Pull request {}: {} → {}", id, from.get(), to);
        return true;
    }
}
