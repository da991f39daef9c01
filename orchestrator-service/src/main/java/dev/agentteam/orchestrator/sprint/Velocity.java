package dev.agentteam.orchestrator.sprint;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Story points finished per sprint, computed from the database (never by a model). */
@Component
class Velocity {

    private static final int RECENT_SPRINTS = 3;

    private final JdbcTemplate jdbc;

    Velocity(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The mean points DONE by the close of each of the last three closed sprints; null before the first closes. */
    Double recent() {
        return jdbc.queryForObject("""
                select round(avg(done_points), 1) from (
                    select coalesce(sum(st.estimate) filter (where st.status = 'DONE' and st.done_at <= s.closed_at), 0) as done_points
                    from sprints s
                    left join sprint_stories ss on ss.sprint_id = s.id
                    left join stories st on st.id = ss.story_id
                    where s.status = 'CLOSED'
                    group by s.id, s.closed_at
                    order by s.closed_at desc nulls last, s.id desc
                    limit ?) recent""", Double.class, RECENT_SPRINTS);
    }
}
