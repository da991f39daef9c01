package dev.agentteam.orchestrator.sprint;

import dev.agentteam.orchestrator.api.ApiProblems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The retrospectives' actions as backlog items: added when the Scrum agent's retro is stored, deduplicated against
 * the open ones (same words ignoring case, spacing and punctuation), closed by a person.
 */
@Service
@Transactional(readOnly = true)
public class RetroActions {

    private static final String COLUMNS = """
            id, sprint_id, last_sprint_id, task_id, text, times_raised, status, created_at, closed_at, closed_by""";
    private static final Set<String> CLOSED = Set.of("DONE", "DISMISSED");

    private final JdbcClient jdbc;

    RetroActions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds each action, or counts it again when the same action is already open; returns how many were new. */
    @Transactional
    public int raise(long sprintId, Long taskId, List<String> actions) {
        int added = 0;
        for (String action : actions) {
            String key = key(action);
            if (key.isEmpty()) {
                continue;
            }
            boolean inserted = jdbc.sql("""
                            insert into retro_actions (sprint_id, last_sprint_id, task_id, text, dedup_key)
                            values (:sprint, :sprint, (select id from tasks where id = :task), :text, :key)
                            on conflict (dedup_key) where status = 'OPEN' do update
                               set times_raised = retro_actions.times_raised
                                                  + case when retro_actions.last_sprint_id = excluded.last_sprint_id then 0 else 1 end,
                                   last_sprint_id = excluded.last_sprint_id
                            returning (xmax = 0)""")
                    .param("sprint", sprintId).param("task", taskId).param("text", action.strip()).param("key", key)
                    .query(Boolean.class).single();
            added += inserted ? 1 : 0;
        }
        return added;
    }

    /** Open items first, newest first; {@code status} null for all. */
    public List<RetroAction> list(String status) {
        return jdbc.sql("select " + COLUMNS + " from retro_actions where cast(:status as text) is null or status = :status "
                        + "order by (status = 'OPEN') desc, created_at desc, id desc limit 200")
                .param("status", status).query(RetroActions::row).list();
    }

    /** OPEN → DONE or DISMISSED by a person: 404 unknown; 409 when already closed; 400 for another status. */
    @Transactional
    public RetroAction close(long id, String status, Long userId) {
        if (!CLOSED.contains(status)) {
            throw ApiProblems.badRequest("status must be DONE or DISMISSED, was " + status + ".");
        }
        RetroAction current = jdbc.sql("select " + COLUMNS + " from retro_actions where id = ? for update").param(id)
                .query(RetroActions::row).optional().orElseThrow(() -> ApiProblems.notFound("retro action", id));
        if (!"OPEN".equals(current.status())) {
            throw ApiProblems.conflict("Retro action " + id + " is already " + current.status() + ".");
        }
        jdbc.sql("update retro_actions set status = ?, closed_at = now(), closed_by = (select id from users where id = ?) where id = ?")
                .params(status, userId, id).update();
        return jdbc.sql("select " + COLUMNS + " from retro_actions where id = ?").param(id).query(RetroActions::row).single();
    }

    static String key(String action) {
        return action == null ? "" : action.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static RetroAction row(ResultSet rs, int n) throws SQLException {
        return new RetroAction(rs.getLong("id"), rs.getLong("sprint_id"), rs.getLong("last_sprint_id"),
                (Long) rs.getObject("task_id"), rs.getString("text"), rs.getInt("times_raised"), rs.getString("status"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant(),
                (Long) rs.getObject("closed_by"));
    }
}
