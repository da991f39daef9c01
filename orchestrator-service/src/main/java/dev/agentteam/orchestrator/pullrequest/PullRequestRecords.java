package dev.agentteam.orchestrator.pullrequest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** SQL over pr_records and the V8 tables (comments, labels, commit statuses). */
@Component
class PullRequestRecords {

    private static final String COLUMNS = """
            id, repository_id, repo, pr_number, title, body, branch, base_branch, head_sha, status, ci_status,
            review_status, story_id, url, created_at, merged_at, closed_at, result ->> 'base_sha' as base_sha
            """;

    private final JdbcClient jdbc;

    PullRequestRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(PullRequestView view, String baseShaAtMerge) {
    }

    Optional<Row> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from pr_records where id = ?").param(id).query(PullRequestRecords::row).optional();
    }

    Optional<Row> find(String repo, int number) {
        return jdbc.sql("select " + COLUMNS + " from pr_records where repo = ? and pr_number = ?")
                .params(repo, number).query(PullRequestRecords::row).optional();
    }

    Optional<Row> findOpen(String repo, String head) {
        return jdbc.sql("select " + COLUMNS + " from pr_records where repo = ? and branch = ? and status = 'OPEN'")
                .params(repo, head).query(PullRequestRecords::row).optional();
    }

    List<PullRequestView> list(String status) {
        String where = status == null ? "" : " where status = :status";
        var statement = jdbc.sql("select " + COLUMNS + " from pr_records" + where + " order by id desc limit 500");
        if (status != null) {
            statement = statement.param("status", status);
        }
        return statement.query(PullRequestRecords::row).list().stream().map(Row::view).toList();
    }

    /**
     * Inserts an open pull request with the next number of its repository (the story only if it exists). Empty when
     * a concurrent request took the number or opened a PR for the same head first (unique indexes).
     */
    Optional<Long> insert(long repositoryId, String repo, String head, String base, String title, String body, String headSha,
            Long storyId) {
        return jdbc.sql("""
                insert into pr_records (repository_id, repo, pr_number, branch, base_branch, title, body, head_sha, story_id)
                values (:repositoryId, :repo,
                        (select coalesce(max(pr_number), 0) + 1 from pr_records where repo = :repo),
                        :head, :base, :title, :body, :headSha, (select id from stories where id = :storyId))
                on conflict do nothing
                returning id
                """)
                .param("repositoryId", repositoryId).param("repo", repo).param("head", head).param("base", base)
                .param("title", title).param("body", body).param("headSha", headSha).param("storyId", storyId)
                .query(Long.class).optional();
    }

    void setUrl(long id, String url) {
        jdbc.sql("update pr_records set url = ? where id = ?").params(url, id).update();
    }

    List<Row> openWithHead(String repo, String head) {
        return jdbc.sql("select " + COLUMNS + " from pr_records where repo = ? and branch = ? and status = 'OPEN'")
                .params(repo, head).query(PullRequestRecords::row).list();
    }

    /** A new head waits for its own CI and review: a verdict on the previous head does not carry over. */
    void updateHead(long id, String sha) {
        jdbc.sql("""
                update pr_records set head_sha = ?, ci_status = 'PENDING',
                       review_status = case when head_sha is distinct from ? then 'PENDING' else review_status end,
                       updated_at = now()
                where id = ?""")
                .params(sha, sha, id).update();
    }

    /** Remembers the merge's base and merge commit if the PR is still open at {@code headSha}; false otherwise. */
    boolean recordMerge(long id, String headSha, String baseSha, String mergeSha) {
        return jdbc.sql("""
                update pr_records set
                       result = coalesce(result, '{}'::jsonb) || jsonb_build_object('base_sha', :baseSha, 'merge_sha', :mergeSha)
                where id = :id and status = 'OPEN' and head_sha = :headSha
                """).param("id", id).param("headSha", headSha).param("baseSha", baseSha).param("mergeSha", mergeSha)
                .update() == 1;
    }

    boolean setMergedBy(long id, long userId) {
        return jdbc.sql("update pr_records set merged_by = ?, updated_at = now() where id = ? and status = 'MERGED' and merged_by is null")
                .params(userId, id).update() == 1;
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        long repositoryId = rs.getLong("repository_id");
        long storyId = rs.getLong("story_id");
        boolean noStory = rs.wasNull();
        PullRequestView view = new PullRequestView(rs.getLong("id"), repositoryId == 0 ? null : repositoryId,
                rs.getString("repo"), rs.getInt("pr_number"), rs.getString("title"), rs.getString("body"),
                rs.getString("branch"), rs.getString("base_branch"), rs.getString("head_sha"), rs.getString("status"),
                rs.getString("ci_status"), rs.getString("review_status"), noStory ? null : storyId, rs.getString("url"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("merged_at")),
                instant(rs.getTimestamp("closed_at")));
        return new Row(view, rs.getString("base_sha"));
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
