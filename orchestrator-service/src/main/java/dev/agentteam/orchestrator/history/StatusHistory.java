package dev.agentteam.orchestrator.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The append-only history of story, epic and pull-request statuses. Only the package that owns a status writes
 * its changes here, in the transaction that changes the status; metrics (lead time, cycle time) read it.
 */
@Component
public class StatusHistory {

    private static final int MAX_REASON = 500;

    private final JdbcClient jdbc;

    StatusHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(Subject subject, long subjectId, Enum<?> from, Enum<?> to, ChangedBy by) {
        String reason = by.reason() == null || by.reason().length() <= MAX_REASON ? by.reason()
                : by.reason().substring(0, MAX_REASON);
        jdbc.sql("""
                        insert into status_changes (subject, subject_id, from_status, to_status, user_id, task_id, reason)
                        values (?, ?, ?, ?, (select id from users where id = ?), (select id from tasks where id = ?), ?)""")
                .params(subject.name(), subjectId, from == null ? null : from.name(), to.name(), by.userId(), by.taskId(),
                        reason)
                .update();
    }

    /** The changes of one entity, oldest first. */
    public List<StatusChange> of(Subject subject, long subjectId) {
        return jdbc.sql("""
                        select id, subject, subject_id, from_status, to_status, at, user_id, task_id, reason
                        from status_changes where subject = ? and subject_id = ? order by at, id""")
                .params(subject.name(), subjectId).query(StatusHistory::change).list();
    }

    private static StatusChange change(ResultSet rs, int n) throws SQLException {
        return new StatusChange(rs.getLong("id"), Subject.valueOf(rs.getString("subject")), rs.getLong("subject_id"),
                rs.getString("from_status"), rs.getString("to_status"), rs.getTimestamp("at").toInstant(),
                (Long) rs.getObject("user_id"), (Long) rs.getObject("task_id"), rs.getString("reason"));
    }
}
