package dev.agentteam.orchestrator.metrics;

import dev.agentteam.common.task.TaskState;
import dev.agentteam.orchestrator.backlog.StoryStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts by status and outcome; every possible key is present (0 when none), so charts need no special cases. */
@Configuration(proxyBeanMethods = false)
class CountSections {

    static final List<String> OUTCOMES = List.of("succeeded_first_attempt", "succeeded_after_retry", "failed", "dead",
            "cancelled");

    @Bean
    MetricSection storiesByStatus(NamedParameterJdbcTemplate jdbc) {
        return counts("stories_by_status", 30, jdbc, names(StoryStatus.values()), """
                select s.status as key, count(*) as n from stories s where %s group by s.status"""
                .formatted(MetricScope.storyFilter("s.id")));
    }

    @Bean
    MetricSection tasksByStatus(NamedParameterJdbcTemplate jdbc) {
        return counts("tasks_by_status", 40, jdbc, names(TaskState.values()), """
                select t.status as key, count(*) as n from tasks t where %s group by t.status"""
                .formatted(tasksInScope()));
    }

    /**
     * Finished tasks only: did they succeed (at once or after retries), fail for good (not retryable, so no retry is
     * scheduled), die (retries of a transient failure ran out), or get cancelled.
     */
    @Bean
    MetricSection tasksByOutcome(NamedParameterJdbcTemplate jdbc) {
        return counts("tasks_by_outcome", 50, jdbc, OUTCOMES, """
                select case when t.status = 'SUCCEEDED' and t.attempt_count <= 1 then 'succeeded_first_attempt'
                            when t.status = 'SUCCEEDED' then 'succeeded_after_retry'
                            else lower(t.status) end as key,
                       count(*) as n
                from tasks t
                where (t.status in ('SUCCEEDED', 'DEAD', 'CANCELLED') or t.status = 'FAILED' and t.next_attempt_at is null)
                  and %s group by 1"""
                .formatted(tasksInScope()));
    }

    // Unscoped, tasks without a story (epic refinement) count too; a sprint's scope is its stories' tasks.
    private static String tasksInScope() {
        return MetricScope.storyFilter("t.story_id");
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static MetricSection counts(String name, int order, NamedParameterJdbcTemplate jdbc, List<String> keys,
                                        String sql) {
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
                Map<String, Long> counts = new LinkedHashMap<>();
                keys.forEach(key -> counts.put(key, 0L));
                jdbc.query(sql, scope.parameters(), rs -> {
                    counts.put(rs.getString("key"), rs.getLong("n"));
                });
                return counts;
            }
        };
    }
}
