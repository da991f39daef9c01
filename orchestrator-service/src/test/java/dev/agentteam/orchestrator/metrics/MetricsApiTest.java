package dev.agentteam.orchestrator.metrics;

import dev.agentteam.orchestrator.support.IntegrationTest;
import dev.agentteam.orchestrator.support.TestApi.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Metrics over a small dataset whose expected values are worked out by hand in the comments. Percentiles are
 * continuous (interpolated): p over sorted x[0..n-1] is at position p·(n-1).
 */
class MetricsApiTest extends IntegrationTest {

    long sprint;

    @BeforeEach
    void seed() {
        long epicA = epic("2026-01-01T00:00:00Z");
        long epicB = epic("2026-01-02T00:00:00Z");
        long s1 = story(epicA, "DONE", "2026-01-01T08:00:00Z", "2026-01-01T10:00:00Z");   // lead 10 h, cycle 2 h
        long s2 = story(epicA, "DONE", "2026-01-01T18:00:00Z", "2026-01-02T00:00:00Z");   // lead 24 h, cycle 6 h
        long s3 = story(epicB, "DONE", "2026-01-02T03:00:00Z", "2026-01-02T04:00:00Z");   // lead 4 h, cycle 1 h
        long s4 = story(epicB, "IN_PROGRESS", "2026-01-02T05:00:00Z", null);
        story(epicA, "READY", null, null);
        sprint = jdbc.queryForObject("""
                insert into sprints (name, start_date, end_date) values ('S', '2026-01-01', '2026-01-14') returning id""",
                Long.class);
        for (long story : new long[] {s1, s3, s4}) {
            jdbc.update("insert into sprint_stories (sprint_id, story_id) values (?, ?)", sprint, story);
        }
        pr(s1, 1, "2026-01-01T02:00:00Z", "2026-01-01T08:00:00Z");   // 6 h
        pr(s2, 2, "2026-01-01T12:00:00Z", "2026-01-01T15:00:00Z");   // 3 h
        pr(s3, 3, "2026-01-02T00:00:00Z", null);                     // still open
        pr(s4, 4, "2026-01-02T00:00:00Z", "2026-01-02T01:30:00Z");   // 1.5 h
        task(epicA, null, "SUCCEEDED", 1);
        task(epicA, s1, "SUCCEEDED", 2);
        task(epicB, s3, "DEAD", 3);
        task(epicB, s4, "RUNNING", 1);
        task(epicA, s2, "CANCELLED", 0);
        task(epicB, s4, "SUCCEEDED", 1);
    }

    @Test
    void everythingWithoutASprint() {
        JsonNode metrics = api.get("/api/metrics").json();

        assertThat(metrics.get("sprint_id").isNull()).isTrue();
        // lead times 4, 10, 24: mean 38/3; p50 10; p90 at 1.8 → 10 + 0.8·14 = 21.2
        assertStats(metrics.get("lead_time_hours"), 3, 12.67, 10.0, 21.2);
        // PR cycle times 1.5, 3, 6: mean 3.5; p50 3; p90 at 1.8 → 3 + 0.8·3 = 5.4
        assertStats(metrics.get("pr_cycle_time_hours"), 3, 3.5, 3.0, 5.4);
        // story cycle times (first started → done) 1, 2, 6: mean 3; p50 2; p90 at 1.8 → 2 + 0.8·4 = 5.2
        assertStats(metrics.get("cycle_time_hours"), 3, 3.0, 2.0, 5.2);
        assertCounts(metrics.get("stories_by_status"), "DONE", 3, "IN_PROGRESS", 1, "READY", 1, "PROPOSED", 0);
        assertCounts(metrics.get("tasks_by_status"), "SUCCEEDED", 3, "DEAD", 1, "RUNNING", 1, "CANCELLED", 1,
                "QUEUED", 0);
        assertCounts(metrics.get("tasks_by_outcome"), "succeeded_first_attempt", 2, "succeeded_after_retry", 1,
                "dead", 1, "cancelled", 1);
    }

    @Test
    void onlyTheSprintsStories() {
        JsonNode metrics = api.get("/api/metrics?sprint_id=" + sprint).json();

        assertThat(metrics.get("sprint_id").asLong()).isEqualTo(sprint);
        // lead times 4, 10: mean 7; p50 7; p90 at 0.9 → 4 + 0.9·6 = 9.4
        assertStats(metrics.get("lead_time_hours"), 2, 7.0, 7.0, 9.4);
        // PR cycle times 1.5, 6: mean 3.75; p50 3.75; p90 → 1.5 + 0.9·4.5 = 5.55
        assertStats(metrics.get("pr_cycle_time_hours"), 2, 3.75, 3.75, 5.55);
        // cycle times 1, 2: mean 1.5; p50 1.5; p90 → 1 + 0.9·1 = 1.9
        assertStats(metrics.get("cycle_time_hours"), 2, 1.5, 1.5, 1.9);
        assertCounts(metrics.get("stories_by_status"), "DONE", 2, "IN_PROGRESS", 1, "READY", 0);
        assertCounts(metrics.get("tasks_by_status"), "SUCCEEDED", 2, "DEAD", 1, "RUNNING", 1, "CANCELLED", 0);
        assertCounts(metrics.get("tasks_by_outcome"), "succeeded_first_attempt", 1, "succeeded_after_retry", 1,
                "dead", 1, "cancelled", 0);
    }

    @Test
    void theSameNumbersAreExportedToPrometheus() {
        String scrape = api.getAnything("/actuator/prometheus").body();

        assertThat(scrape).contains("agentteam_stories{status=\"DONE\"} 3.0")
                .contains("agentteam_tasks{status=\"SUCCEEDED\"} 3.0")
                .contains("agentteam_tasks_finished{outcome=\"succeeded_after_retry\"} 1.0")
                .contains("agentteam_lead_time_hours{stat=\"p90\"} 21.2")
                .contains("agentteam_pr_cycle_time_hours{stat=\"avg\"} 3.5");
    }

    @Test
    void anEmptySprintHasNoDurations() {
        long empty = jdbc.queryForObject("""
                insert into sprints (name, start_date, end_date) values ('E', '2026-02-01', '2026-02-14') returning id""",
                Long.class);
        JsonNode lead = api.get("/api/metrics?sprint_id=" + empty).json().get("lead_time_hours");
        assertThat(lead.get("count").asLong()).isZero();
        assertThat(lead.get("avg").isNull()).isTrue();
        assertThat(lead.get("p90").isNull()).isTrue();
    }

    @Test
    void badSprintIdsAreExplained() {
        Reply unknown = api.get("/api/metrics?sprint_id=987654");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
        assertThat(unknown.detail()).isEqualTo("No sprint with id 987654.");
        Reply text = api.get("/api/metrics?sprint_id=last");
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.detail()).isEqualTo("'sprint_id' must be a number, got 'last'.");
        Reply zero = api.get("/api/metrics?sprint_id=0");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.detail()).isEqualTo("sprint_id: must be greater than 0");
    }

    private static void assertStats(JsonNode stats, long count, double avg, double p50, double p90) {
        assertThat(stats.get("count").asLong()).isEqualTo(count);
        assertThat(stats.get("avg").asDouble()).isCloseTo(avg, within(0.005));
        assertThat(stats.get("p50").asDouble()).isCloseTo(p50, within(0.005));
        assertThat(stats.get("p90").asDouble()).isCloseTo(p90, within(0.005));
    }

    private static void assertCounts(JsonNode counts, Object... expected) {
        for (int i = 0; i < expected.length; i += 2) {
            assertThat(counts.get((String) expected[i]).asLong()).as((String) expected[i])
                    .isEqualTo(((Integer) expected[i + 1]).longValue());
        }
    }

    // The durations come from the status history; the timestamp columns are filled only to show they are not read.
    private long epic(String createdAt) {
        long id = jdbc.queryForObject("insert into epics (title, created_by) values ('E', 1) returning id", Long.class);
        change("EPIC", id, null, "NEW", createdAt);
        return id;
    }

    private long story(long epic, String status, String startedAt, String doneAt) {
        long id = jdbc.queryForObject("""
                insert into stories (epic_id, title, status, done_at) values (?, 'S', ?, now()) returning id""",
                Long.class, epic, status);
        change("STORY", id, "READY", "IN_PROGRESS", startedAt);
        change("STORY", id, "IN_REVIEW", "DONE", doneAt);
        return id;
    }

    private void change(String subject, long id, String from, String to, String at) {
        if (at != null) {
            jdbc.update("""
                    insert into status_changes (subject, subject_id, from_status, to_status, at)
                    values (?, ?, ?, ?, ?::timestamptz)""", subject, id, from, to, at);
        }
    }

    private void pr(long story, int number, String createdAt, String mergedAt) {
        long id = jdbc.queryForObject("""
                insert into pr_records (story_id, pr_number, repo, branch, status)
                values (?, ?, 'shop', 'feature/ISSUE-' || ?, ?) returning id""",
                Long.class, story, number, story, mergedAt == null ? "OPEN" : "MERGED");
        change("PULL_REQUEST", id, null, "OPEN", createdAt);
        change("PULL_REQUEST", id, "OPEN", "MERGED", mergedAt);
    }

    private void task(long epic, Long story, String status, int attempts) {
        jdbc.update("""
                insert into tasks (epic_id, story_id, type, assigned_to, status, attempt_count, trace_id)
                values (?, ?, 'dev.implement', 'dev', ?, ?, 't')""", epic, story, status, attempts);
    }
}
