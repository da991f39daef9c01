package dev.agentteam.orchestrator.metrics;

import dev.agentteam.orchestrator.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens and cost per agent, CLARIFY rounds, test pass rate and flaky-test rate over a small dataset; the expected
 * values are worked out by hand in the comments. The sprint holds story s1 only.
 */
class UsageAndQualityMetricsTest extends IntegrationTest {

    long sprint;

    @BeforeEach
    void seed() {
        long epic = jdbc.queryForObject("insert into epics (title, created_by) values ('E', 1) returning id", Long.class);
        long s1 = story(epic);
        long s2 = story(epic);
        sprint = jdbc.queryForObject("""
                insert into sprints (name, start_date, end_date) values ('S', '2026-01-01', '2026-01-14') returning id""",
                Long.class);
        jdbc.update("insert into sprint_stories (sprint_id, story_id) values (?, ?)", sprint, s1);
        long t1 = task(epic, s1, "dev", "{}");
        long t2 = task(epic, s2, "dev", "{}");
        long t3 = task(epic, null, "po", "{}");
        long t4 = task(null, null, "scrum", "{\"sprint_id\": " + sprint + "}");

        log("dev", t1, 100, 20, "0.010");
        log("dev", t1, 200, 30, "0.020");
        log("dev", t2, 400, 50, "0.040");
        log("po", t3, 1000, 500, "0.100");
        log("scrum", t4, 820, 210, "0");
        log("review", null, 10, 5, "0.001");

        clarification(t1, "[\"a\", \"b\"]", "OPEN");
        clarification(t3, "[\"c\"]", "ANSWERED");
        clarification(t2, "[\"d\", \"e\", \"f\"]", "ANSWERED");

        long pr = jdbc.queryForObject("""
                insert into pr_records (story_id, pr_number, repo, branch) values (?, 1, 'shop', 'feature/ISSUE-1')
                returning id""", Long.class, s1);
        run(s1, null, null, 10, 0);                     // r1: the story's own run, green
        long r2 = run(null, pr, null, 8, 2);            // r2: through the PR of s1
        long r3 = run(null, null, t2, 5, 5);            // r3: through a task of s2
        run(null, null, null, 7, 0);                    // r4: belongs to no story, green (3 skipped not counted)
        flaky(r2, "CartTest.adds");
        flaky(r3, "CartTest.adds");
        flaky(r3, "PayTest.refunds");
    }

    @Test
    void overEverything() {
        JsonNode metrics = api.get("/api/metrics").json();

        // dev: 3 calls, 100+200+400 in, 20+30+50 out, 0.01+0.02+0.04 USD; qa made no call
        assertUsage(metrics.get("tokens_by_agent").get("dev"), 3, 700, 100, "0.07");
        assertUsage(metrics.get("tokens_by_agent").get("po"), 1, 1000, 500, "0.1");
        assertUsage(metrics.get("tokens_by_agent").get("scrum"), 1, 820, 210, "0");
        assertUsage(metrics.get("tokens_by_agent").get("review"), 1, 10, 5, "0.001");
        assertUsage(metrics.get("tokens_by_agent").get("qa"), 0, 0, 0, "0");
        assertThat(metrics.get("tokens_by_agent").get("dev").get("total_tokens").asLong()).isEqualTo(800);
        // 3 rounds asking 2 + 1 + 3 questions, one still open
        assertClarifications(metrics.get("clarifications"), 3, 6, 1);
        // runs r1..r4, green r1 and r4: 2/4; cases 30 passed, 7 failed: 30/37 = 0.81081 → 0.8108
        JsonNode pass = metrics.get("test_pass_rate");
        assertThat(pass.get("runs").asLong()).isEqualTo(4);
        assertThat(pass.get("green_runs").asLong()).isEqualTo(2);
        assertThat(pass.get("run_pass_rate").asDouble()).isEqualTo(0.5);
        assertThat(pass.get("tests_passed").asLong()).isEqualTo(30);
        assertThat(pass.get("tests_failed").asLong()).isEqualTo(7);
        assertThat(pass.get("test_pass_rate").asDouble()).isEqualTo(0.8108);
        // r2 and r3 had flaky tests: 2/4; distinct names CartTest.adds, PayTest.refunds
        JsonNode flaky = metrics.get("flaky_test_rate");
        assertThat(flaky.get("runs_with_flaky_tests").asLong()).isEqualTo(2);
        assertThat(flaky.get("rate").asDouble()).isEqualTo(0.5);
        assertThat(flaky.get("flaky_tests").asLong()).isEqualTo(2);
    }

    @Test
    void overOneSprint() {
        JsonNode metrics = api.get("/api/metrics?sprint_id=" + sprint).json();

        // dev calls for s1 only (t1); the scrum task names the sprint in its payload; po refined the epic, no story
        assertUsage(metrics.get("tokens_by_agent").get("dev"), 2, 300, 50, "0.03");
        assertUsage(metrics.get("tokens_by_agent").get("scrum"), 1, 820, 210, "0");
        assertUsage(metrics.get("tokens_by_agent").get("po"), 0, 0, 0, "0");
        assertUsage(metrics.get("tokens_by_agent").get("review"), 0, 0, 0, "0");
        assertClarifications(metrics.get("clarifications"), 1, 2, 1);
        // r1 (green) and r2: 1/2 runs; cases 18 passed, 2 failed: 0.9
        JsonNode pass = metrics.get("test_pass_rate");
        assertThat(pass.get("runs").asLong()).isEqualTo(2);
        assertThat(pass.get("run_pass_rate").asDouble()).isEqualTo(0.5);
        assertThat(pass.get("test_pass_rate").asDouble()).isEqualTo(0.9);
        // r2 had a flaky test: 1/2
        JsonNode flaky = metrics.get("flaky_test_rate");
        assertThat(flaky.get("runs").asLong()).isEqualTo(2);
        assertThat(flaky.get("rate").asDouble()).isEqualTo(0.5);
        assertThat(flaky.get("flaky_tests").asLong()).isEqualTo(1);
    }

    @Test
    void withoutTestRunsTheRatesAreNullNotZero() {
        long empty = jdbc.queryForObject("""
                insert into sprints (name, start_date, end_date) values ('E', '2026-02-01', '2026-02-14') returning id""",
                Long.class);
        JsonNode metrics = api.get("/api/metrics?sprint_id=" + empty).json();

        assertThat(metrics.get("test_pass_rate").isNull()).isTrue();
        assertThat(metrics.get("flaky_test_rate").isNull()).isTrue();
        assertClarifications(metrics.get("clarifications"), 0, 0, 0);
        assertUsage(metrics.get("tokens_by_agent").get("dev"), 0, 0, 0, "0");
    }

    @Test
    void theSameNumbersAreExportedToPrometheus() {
        String scrape = api.getAnything("/actuator/prometheus").body();

        assertThat(scrape).contains("agentteam_agent_tokens{agent=\"dev\",direction=\"input\"} 700.0")
                .contains("agentteam_agent_tokens{agent=\"po\",direction=\"output\"} 500.0")
                .contains("agentteam_agent_cost_usd{agent=\"dev\"} 0.07")
                .contains("agentteam_clarifications{state=\"open\"} 1.0")
                .contains("agentteam_test_pass_rate{level=\"test\"} 0.8108")
                .contains("agentteam_flaky_test_rate 0.5");
    }

    private static void assertUsage(JsonNode usage, long calls, long input, long output, String cost) {
        assertThat(usage.get("calls").asLong()).isEqualTo(calls);
        assertThat(usage.get("input_tokens").asLong()).isEqualTo(input);
        assertThat(usage.get("output_tokens").asLong()).isEqualTo(output);
        assertThat(usage.get("cost_usd").decimalValue()).isEqualByComparingTo(cost);
    }

    private static void assertClarifications(JsonNode clarify, long count, long questions, long open) {
        assertThat(clarify.get("count").asLong()).isEqualTo(count);
        assertThat(clarify.get("questions").asLong()).isEqualTo(questions);
        assertThat(clarify.get("open").asLong()).isEqualTo(open);
    }

    private long story(long epic) {
        return jdbc.queryForObject("insert into stories (epic_id, title) values (?, 'S') returning id", Long.class, epic);
    }

    private long task(Long epic, Long story, String role, String payload) {
        return jdbc.queryForObject("""
                insert into tasks (epic_id, story_id, type, assigned_to, status, payload, trace_id)
                values (?, ?, ? || '.work', ?, 'SUCCEEDED', ?::jsonb, 't') returning id""",
                Long.class, epic, story, role, role, payload);
    }

    private void log(String agent, Long task, long input, long output, String cost) {
        jdbc.update("""
                insert into agent_logs (agent, task_id, prompt, input_tokens, output_tokens, cost_usd)
                values (?, ?, 'p', ?, ?, ?::numeric)""", agent, task, input, output, cost);
    }

    private void clarification(long task, String questions, String status) {
        jdbc.update("insert into clarifications (task_id, questions, status) values (?, ?::jsonb, ?)", task, questions,
                status);
    }

    private long run(Long story, Long pr, Long task, int passed, int failed) {
        return jdbc.queryForObject("""
                insert into test_runs (story_id, pr_id, task_id, source, passed, failed, skipped)
                values (?, ?, ?, 'ci', ?, ?, 3) returning id""", Long.class, story, pr, task, passed, failed);
    }

    private void flaky(long run, String test) {
        jdbc.update("insert into flaky_tests (test_run_id, test_name) values (?, ?)", run, test);
    }
}
