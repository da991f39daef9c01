package dev.agentteam.orchestrator.metrics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** How long work takes to flow: lead time (epic asked for → story done) and PR cycle time (opened → merged). */
@Configuration(proxyBeanMethods = false)
class FlowTimeSections {

    @Bean
    MetricSection leadTime(NamedParameterJdbcTemplate jdbc) {
        return section("lead_time_hours", 10, jdbc, """
                select extract(epoch from (s.done_at - e.created_at)) / 3600.0 as hours
                from stories s join epics e on e.id = s.epic_id
                where s.status = 'DONE' and s.done_at is not null and %s""".formatted(MetricScope.storyFilter("s.id")));
    }

    @Bean
    MetricSection prCycleTime(NamedParameterJdbcTemplate jdbc) {
        return section("pr_cycle_time_hours", 20, jdbc, """
                select extract(epoch from (p.merged_at - p.created_at)) / 3600.0 as hours
                from pr_records p
                where p.status = 'MERGED' and p.merged_at is not null and %s"""
                .formatted(MetricScope.storyFilter("p.story_id")));
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
