package dev.agentteam.orchestrator.metrics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * How long work takes to flow, from the status history ({@code status_changes}): lead time (epic asked for → story
 * DONE), story cycle time (work first started → DONE) and PR cycle time (opened → merged).
 */
@Configuration(proxyBeanMethods = false)
class FlowTimeSections {

    private static final String FIRST = "(select min(c.at) from status_changes c where c.subject = '%s' and c.subject_id = %s%s)";
    private static final String LAST = "(select max(c.at) from status_changes c where c.subject = '%s' and c.subject_id = %s%s)";

    @Bean
    MetricSection leadTime(NamedParameterJdbcTemplate jdbc) {
        return section("lead_time_hours", 10, jdbc, hours(
                LAST.formatted("STORY", "s.id", " and c.to_status = 'DONE'"), FIRST.formatted("EPIC", "s.epic_id", ""),
                "from stories s where s.status = 'DONE' and " + MetricScope.storyFilter("s.id")));
    }

    @Bean
    MetricSection cycleTime(NamedParameterJdbcTemplate jdbc) {
        return section("cycle_time_hours", 15, jdbc, hours(
                LAST.formatted("STORY", "s.id", " and c.to_status = 'DONE'"),
                FIRST.formatted("STORY", "s.id", " and c.to_status in ('IN_PROGRESS', 'IN_REVIEW')"),
                "from stories s where s.status = 'DONE' and " + MetricScope.storyFilter("s.id")));
    }

    @Bean
    MetricSection prCycleTime(NamedParameterJdbcTemplate jdbc) {
        return section("pr_cycle_time_hours", 20, jdbc, hours(
                LAST.formatted("PULL_REQUEST", "p.id", " and c.to_status = 'MERGED'"),
                FIRST.formatted("PULL_REQUEST", "p.id", " and c.to_status = 'OPEN'"),
                "from pr_records p where p.status = 'MERGED' and " + MetricScope.storyFilter("p.story_id")));
    }

    /** Hours between two instants per row, leaving out rows where the history lacks either end. */
    private static String hours(String end, String start, String fromWhere) {
        return """
                select extract(epoch from (t.ended - t.started)) / 3600.0 as hours
                from (select %s as ended, %s as started %s) t
                where t.ended is not null and t.started is not null""".formatted(end, start, fromWhere);
    }

    private static MetricSection section(String name, int order, NamedParameterJdbcTemplate jdbc, String hoursQuery) {
        return new MetricSection() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int order() {
                return order;
            }

            @Override
            public Object compute(MetricScope scope) {
                return DurationStats.query(jdbc, hoursQuery, scope);
            }
        };
    }
}
