package dev.agentteam.orchestrator.metrics;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Count, mean and percentiles of durations in hours (rounded to 0.01 h); null statistics when count is 0. */
record DurationStats(long count, Double avg, Double p50, Double p90) {

    /** Runs {@code select <hours> as hours from ...}: {@code hoursQuery} must return one column named hours. */
    static DurationStats query(NamedParameterJdbcTemplate jdbc, String hoursQuery, MetricScope scope) {
        String sql = """
                select count(*) as n,
                       round(avg(hours)::numeric, 2) as avg,
                       round((percentile_cont(0.5) within group (order by hours))::numeric, 2) as p50,
                       round((percentile_cont(0.9) within group (order by hours))::numeric, 2) as p90
                from (%s) durations""".formatted(hoursQuery);
        return jdbc.queryForObject(sql, scope.parameters(), (rs, row) -> new DurationStats(rs.getLong("n"),
                doubleOrNull(rs.getBigDecimal("avg")), doubleOrNull(rs.getBigDecimal("p50")),
                doubleOrNull(rs.getBigDecimal("p90"))));
    }

    private static Double doubleOrNull(java.math.BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }
}
