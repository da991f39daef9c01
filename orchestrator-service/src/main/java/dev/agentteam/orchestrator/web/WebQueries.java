package dev.agentteam.orchestrator.web;

import dev.agentteam.orchestrator.web.WebRows.ActiveTask;
import dev.agentteam.orchestrator.web.WebRows.PlannableStory;
import dev.agentteam.orchestrator.web.WebRows.SprintRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only listings for the pages that the features' public services do not offer (yet): dashboards need
 * cross-feature counts in one query each. Writes always go through the features' services.
 */
@Component
class WebQueries {

    private final JdbcClient jdbc;
    private final Formats formats;

    WebQueries(JdbcClient jdbc, Formats formats) {
        this.jdbc = jdbc;
        this.formats = formats;
    }

    List<ActiveTask> activeTasks(int limit) {
        return jdbc.sql("""
                        select t.id, t.type, t.assigned_to, t.status, t.attempt_count, t.max_attempts, t.story_id,
                               t.epic_id, coalesce(s.title, e.title) as subject, t.updated_at
                        from tasks t left join stories s on s.id = t.story_id left join epics e on e.id = t.epic_id
                        where t.status in ('PENDING', 'QUEUED', 'RUNNING', 'FAILED', 'BLOCKED')
                        order by t.updated_at desc, t.id desc limit ?""")
                .param(limit)
                .query((rs, row) -> new ActiveTask(rs.getLong("id"), rs.getString("type"), rs.getString("assigned_to"),
                        rs.getString("status"), rs.getInt("attempt_count"), rs.getInt("max_attempts"),
                        rs.getObject("story_id", Long.class), rs.getObject("epic_id", Long.class),
                        rs.getString("subject"), instant(rs, "updated_at")))
                .list();
    }

    /** Every sprint, open ones first, with story counts and points. */
    List<SprintRow> sprints() {
        return jdbc.sql(SPRINT_ROWS + " order by case s.status when 'ACTIVE' then 0 when 'PLANNED' then 1 else 2 end, "
                        + "s.start_date desc, s.id desc")
                .query(this::sprintRow)
                .list();
    }

    /** The sprint the team works in now: the active one, else the next planned one. */
    Optional<SprintRow> currentSprint() {
        return jdbc.sql(SPRINT_ROWS + " where s.status in ('ACTIVE', 'PLANNED') "
                        + "order by case s.status when 'ACTIVE' then 0 else 1 end, s.start_date, s.id limit 1")
                .query(this::sprintRow)
                .optional();
    }

    Optional<SprintRow> sprint(long id) {
        return jdbc.sql(SPRINT_ROWS + " where s.id = ?").param(id).query(this::sprintRow).optional();
    }

    /** READY stories not yet in an open sprint, most urgent first. */
    List<PlannableStory> plannableStories() {
        return jdbc.sql("""
                        select s.id, s.title, e.title as epic_title, s.estimate, s.priority
                        from stories s join epics e on e.id = s.epic_id
                        where s.status = 'READY' and not exists (
                            select 1 from sprint_stories ss join sprints sp on sp.id = ss.sprint_id
                            where ss.story_id = s.id and sp.status in ('PLANNED', 'ACTIVE'))
                        order by s.priority, s.id""")
                .query((rs, row) -> new PlannableStory(rs.getLong("id"), rs.getString("title"),
                        rs.getString("epic_title"), rs.getObject("estimate", Integer.class), rs.getInt("priority")))
                .list();
    }

    private static final String SPRINT_ROWS = """
            select s.id, s.name, s.goal, s.status, s.start_date, s.end_date, s.capacity_points,
                   (select coalesce(json_object_agg(status, n), '{}'::json)::text from (
                        select st.status, count(*) as n from sprint_stories ss join stories st on st.id = ss.story_id
                        where ss.sprint_id = s.id group by st.status) c) as by_status,
                   (select count(*) from sprint_stories ss where ss.sprint_id = s.id) as stories,
                   (select coalesce(sum(st.estimate), 0) from sprint_stories ss join stories st on st.id = ss.story_id
                    where ss.sprint_id = s.id) as points,
                   (select coalesce(sum(st.estimate), 0) from sprint_stories ss join stories st on st.id = ss.story_id
                    where ss.sprint_id = s.id and st.status = 'DONE') as done_points
            from sprints s""";

    private SprintRow sprintRow(ResultSet rs, int row) throws SQLException {
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        formats.counts(rs.getString("by_status")).forEach(byStatus::put);
        return new SprintRow(rs.getLong("id"), rs.getString("name"), rs.getString("goal"), rs.getString("status"),
                rs.getObject("start_date", java.time.LocalDate.class), rs.getObject("end_date", java.time.LocalDate.class),
                rs.getObject("capacity_points", Integer.class), rs.getInt("stories"), rs.getInt("points"),
                rs.getInt("done_points"), byStatus);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
