package dev.agentteam.orchestrator.metrics;

import dev.agentteam.common.task.AgentRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the agents cost (tokens and USD per agent, from the audit trail) and how often they had to ask (CLARIFY). */
@Configuration(proxyBeanMethods = false)
class AgentUsageSections {

    /**
     * Model calls per agent. In a sprint's scope: calls for tasks of its stories, plus the Scrum agent's tasks for
     * that sprint (their payload names it). Every role is present, with zeros when it made no call.
     */
    @Bean
    MetricSection tokensByAgent(NamedParameterJdbcTemplate jdbc) {
        String sql = """
                select a.agent, count(*) as calls, sum(a.input_tokens) as input_tokens,
                       sum(a.output_tokens) as output_tokens, sum(a.cost_usd) as cost_usd
                from agent_logs a left join tasks t on t.id = a.task_id
                where %s or (t.payload ->> 'sprint_id') = cast(cast(:sprintId as bigint) as text)
                group by a.agent order by a.agent""".formatted(MetricScope.storyFilter("t.story_id"));
        return MetricSection.of("tokens_by_agent", 60, scope -> {
            Map<String, Map<String, Object>> byAgent = new LinkedHashMap<>();
            for (AgentRole role : AgentRole.values()) {
                byAgent.put(role.key(), usage(0, 0, 0, BigDecimal.ZERO));
            }
            jdbc.query(sql, scope.parameters(), rs -> {
                byAgent.put(rs.getString("agent"), usage(rs.getLong("calls"), rs.getLong("input_tokens"),
                        rs.getLong("output_tokens"), rs.getBigDecimal("cost_usd")));
            });
            return byAgent;
        });
    }

    /** CLARIFY rounds (clarification requests), the questions they asked, and how many still wait for a human. */
    @Bean
    MetricSection clarificationsSection(NamedParameterJdbcTemplate jdbc) {
        String sql = """
                select count(*) as requests, coalesce(sum(jsonb_array_length(c.questions)), 0) as questions,
                       count(*) filter (where c.status = 'OPEN') as open
                from clarifications c join tasks t on t.id = c.task_id
                where %s""".formatted(MetricScope.storyFilter("t.story_id"));
        return MetricSection.of("clarifications", 70, scope -> jdbc.queryForObject(sql, scope.parameters(), (rs, row) -> {
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("count", rs.getLong("requests"));
            counts.put("questions", rs.getLong("questions"));
            counts.put("open", rs.getLong("open"));
            return counts;
        }));
    }

    private static Map<String, Object> usage(long calls, long input, long output, BigDecimal cost) {
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("calls", calls);
        usage.put("input_tokens", input);
        usage.put("output_tokens", output);
        usage.put("total_tokens", input + output);
        usage.put("cost_usd", cost == null ? BigDecimal.ZERO : cost.stripTrailingZeros());
        return usage;
    }
}
