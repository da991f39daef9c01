package dev.agentteam.orchestrator.metrics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test pass rate and flaky-test rate from {@code test_runs} / {@code flaky_tests} (filled by the CI and QA agents).
 * Both are null while no test run is in scope: no data is not a rate of 0.
 */
@Configuration(proxyBeanMethods = false)
class TestQualitySections {

    /** A run belongs to a story directly, or through its pull request or task. */
    private static final String RUNS_IN_SCOPE = """
            select tr.id, tr.passed, tr.failed from test_runs tr
            left join pr_records p on p.id = tr.pr_id
            left join tasks t on t.id = tr.task_id
            where %s""".formatted(MetricScope.storyFilter("coalesce(tr.story_id, p.story_id, t.story_id)"));

    /** Runs (green when nothing failed) and test cases (passed over passed + failed; skipped ones do not count). */
    @Bean
    MetricSection testPassRate(NamedParameterJdbcTemplate jdbc) {
        String sql = """
                with runs as (%s)
                select count(*) as runs, count(*) filter (where failed = 0) as green_runs,
                       coalesce(sum(passed), 0) as passed, coalesce(sum(failed), 0) as failed
                from runs""".formatted(RUNS_IN_SCOPE);
        return MetricSection.of("test_pass_rate", 80, scope -> jdbc.queryForObject(sql, scope.parameters(), (rs, row) -> {
            long runs = rs.getLong("runs");
            if (runs == 0) {
                return null;
            }
            long passed = rs.getLong("passed");
            long failed = rs.getLong("failed");
            Map<String, Object> rate = new LinkedHashMap<>();
            rate.put("runs", runs);
            rate.put("green_runs", rs.getLong("green_runs"));
            rate.put("run_pass_rate", ratio(rs.getLong("green_runs"), runs));
            rate.put("tests_passed", passed);
            rate.put("tests_failed", failed);
            rate.put("test_pass_rate", passed + failed == 0 ? null : ratio(passed, passed + failed));
            return rate;
        }));
    }

    /** The share of runs in which at least one test failed and then passed on a rerun of the same code. */
    @Bean
    MetricSection flakyTestRate(NamedParameterJdbcTemplate jdbc) {
        String sql = """
                with runs as (%s)
                select count(*) as runs,
                       count(*) filter (where exists (select 1 from flaky_tests f where f.test_run_id = runs.id)) as flaky_runs,
                       (select count(distinct f.test_name) from flaky_tests f where f.test_run_id in (select id from runs))
                           as flaky_tests
                from runs""".formatted(RUNS_IN_SCOPE);
        return MetricSection.of("flaky_test_rate", 90, scope -> jdbc.queryForObject(sql, scope.parameters(), (rs, row) -> {
            long runs = rs.getLong("runs");
            if (runs == 0) {
                return null;
            }
            Map<String, Object> rate = new LinkedHashMap<>();
            rate.put("runs", runs);
            rate.put("runs_with_flaky_tests", rs.getLong("flaky_runs"));
            rate.put("rate", ratio(rs.getLong("flaky_runs"), runs));
            rate.put("flaky_tests", rs.getLong("flaky_tests"));
            return rate;
        }));
    }

    private static double ratio(long part, long whole) {
        return Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
