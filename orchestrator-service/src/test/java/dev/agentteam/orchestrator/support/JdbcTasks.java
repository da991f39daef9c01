package dev.agentteam.orchestrator.support;

import dev.agentteam.common.task.TaskState;
import dev.agentteam.orchestrator.task.Assignee;
import dev.agentteam.orchestrator.task.NewTask;
import dev.agentteam.orchestrator.task.TaskView;
import dev.agentteam.orchestrator.task.Tasks;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Stand-in for the task feature (branch {@code tasks}) until it is merged: writes and reads real rows of the
 * {@code tasks} table, without a queue. Replaced by the real implementation on merge.
 */
public class JdbcTasks implements Tasks {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    public JdbcTasks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public TaskView create(NewTask command) {
        Long id = jdbc.queryForObject("""
                insert into tasks (epic_id, story_id, type, assigned_to, status, payload, trace_id)
                values (?, ?, ?, ?, 'QUEUED', ?::jsonb, ?) returning id""", Long.class,
                command.epicId(), command.storyId(), command.type(), command.role().key(),
                json.writeValueAsString(command.payload()), UUID.randomUUID().toString());
        return find(id).orElseThrow();
    }

    @Override
    public Optional<TaskView> find(long taskId) {
        return jdbc.query("select * from tasks where id = ?", rows(), taskId).stream().findFirst();
    }

    @Override
    public List<TaskView> forEpic(long epicId) {
        return jdbc.query("select * from tasks where epic_id = ? order by id", rows(), epicId);
    }

    @Override
    public List<TaskView> forStory(long storyId) {
        return jdbc.query("select * from tasks where story_id = ? order by id", rows(), storyId);
    }

    @Override
    public TaskView assign(long taskId, Assignee assignee) {
        throw new UnsupportedOperationException("assign belongs to the tasks feature");
    }

    @Override
    public TaskView resume(long taskId, Map<String, Object> extraPayload) {
        throw new UnsupportedOperationException("resume belongs to the tasks feature");
    }

    private RowMapper<TaskView> rows() {
        return (rs, row) -> new TaskView(rs.getLong("id"), rs.getString("type"), rs.getString("assigned_to"),
                TaskState.valueOf(rs.getString("status")), rs.getInt("attempt_count"), rs.getInt("max_attempts"),
                (Long) rs.getObject("epic_id"), (Long) rs.getObject("story_id"),
                json.readValue(rs.getString("payload"), MAP),
                rs.getString("result") == null ? null : json.readValue(rs.getString("result"), MAP),
                rs.getString("last_error"), rs.getString("trace_id"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("queued_at")), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
