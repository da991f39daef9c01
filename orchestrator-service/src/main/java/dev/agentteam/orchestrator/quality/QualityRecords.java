package dev.agentteam.orchestrator.quality;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.agentteam.common.task.QualityResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the quality reactions write: the CI and review columns of {@code pr_records}, {@code test_runs} and
 * {@code flaky_tests} (the Scrum metrics read them), and {@code artifacts} rows for what agents stored. Agents do
 * not write domain tables; their results carry the facts and this records them.
 */
@Component
class QualityRecords {

    private final JdbcClient jdbc;

    QualityRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sets ci_status unless the pull request has moved on to another head since (a stale result changes nothing). */
    boolean ciStatus(long prId, String headSha, String status) {
        return jdbc.sql("""
                update pr_records set ci_status = ?, updated_at = now()
                where id = ? and (head_sha is null or head_sha = ?)
                """).params(status, prId, headSha).update() == 1;
    }

    /** Replaces the body of the pull request while {@code headSha} is its head (its Definition-of-Done boxes). */
    boolean body(long prId, String headSha, String body) {
        return jdbc.sql("update pr_records set body = ?, updated_at = now() where id = ? and head_sha = ?")
                .params(body, prId, headSha).update() == 1;
    }

    /**
     * Records a review's outcome and counts the round, if the review is of the pull request's current head: a verdict
     * on an earlier head (the Dev agent pushed a change round since) no longer counts. Returns whether it did.
     */
    boolean reviewed(long prId, String headSha, String reviewStatus, int round) {
        return jdbc.sql("""
                update pr_records set review_status = ?, review_rounds = greatest(review_rounds, ?), updated_at = now()
                where id = ? and (head_sha is null or head_sha = ?)
                """).params(reviewStatus, round, prId, headSha).update() == 1;
    }

    int reviewRounds(long prId) {
        return jdbc.sql("select review_rounds from pr_records where id = ?").param(prId).query(Integer.class)
                .optional().orElse(0);
    }

    long testRun(Long storyId, long prId, long taskId, String source, String headSha, int passed, int failed, int skipped) {
        return jdbc.sql("""
                insert into test_runs (story_id, pr_id, task_id, source, head_sha, passed, failed, skipped)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id
                """).params(storyId, prId, taskId, source, headSha, passed, failed, skipped).query(Long.class).single();
    }

    Optional<Long> testRunOfTask(long taskId, String source) {
        return jdbc.sql("select id from test_runs where task_id = ? and source = ? order by id desc limit 1")
                .params(taskId, source).query(Long.class).optional();
    }

    /** One row per flaky test of a run; seen again for the same run, its rerun count goes up. */
    void flaky(long testRunId, List<String> testNames) {
        for (String name : testNames) {
            String cut = name.length() <= 1000 ? name : name.substring(0, 1000);
            jdbc.sql("""
                    insert into flaky_tests (test_run_id, test_name, reruns) values (?, ?, 1)
                    on conflict (test_run_id, test_name) do update set reruns = flaky_tests.reruns + 1
                    """).params(testRunId, cut).update();
        }
    }

    void artifacts(long taskId, long prId, List<QualityResult.Artifact> artifacts) {
        for (QualityResult.Artifact a : artifacts) {
            jdbc.sql("""
                    insert into artifacts (task_id, pr_id, kind, name, storage_key, content_type, size_bytes)
                    values (?, ?, ?, ?, ?, ?, ?) on conflict (storage_key) do nothing
                    """).params(taskId, prId, String.valueOf(a.kind()), String.valueOf(a.name()), String.valueOf(a.key()),
                    a.contentType() == null ? "application/octet-stream" : a.contentType(),
                    a.sizeBytes() == null ? 0L : a.sizeBytes()).update();
        }
    }
}
