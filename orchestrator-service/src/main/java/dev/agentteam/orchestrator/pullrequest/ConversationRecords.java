package dev.agentteam.orchestrator.pullrequest;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** SQL over pr_comments, pr_labels and commit_statuses. */
@Component
class ConversationRecords {

    private final JdbcClient jdbc;

    ConversationRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long addComment(long prId, String kind, String author, String body, String path, Integer line, String commitSha) {
        return jdbc.sql("""
                insert into pr_comments (pr_id, kind, author, body, path, line, commit_sha)
                values (:prId, :kind, :author, :body, :path, :line, :commitSha) returning id
                """).param("prId", prId).param("kind", kind).param("author", author).param("body", body)
                .param("path", path).param("line", line).param("commitSha", commitSha)
                .query(Long.class).single();
    }

    List<PullRequestDetails.Comment> comments(long prId) {
        return jdbc.sql("select * from pr_comments where pr_id = ? order by id").param(prId)
                .query((rs, n) -> new PullRequestDetails.Comment(rs.getLong("id"), rs.getString("kind"),
                        rs.getString("author"), rs.getString("body"), rs.getString("path"),
                        (Integer) rs.getObject("line"), rs.getString("commit_sha"),
                        PullRequestRecords.instant(rs.getTimestamp("created_at"))))
                .list();
    }

    void addLabels(long prId, Collection<String> labels) {
        labels.forEach(label -> jdbc.sql("insert into pr_labels (pr_id, label) values (?, ?) on conflict do nothing")
                .params(prId, label).update());
    }

    List<String> labels(long prId) {
        return jdbc.sql("select label from pr_labels where pr_id = ? order by label").param(prId).query(String.class).list();
    }

    void addStatus(long repositoryId, String sha, String kind, String context, String state, String description,
            String targetUrl) {
        jdbc.sql("""
                insert into commit_statuses (repository_id, sha, kind, context, state, description, target_url)
                values (:repositoryId, :sha, :kind, :context, :state, :description, :targetUrl)
                """).param("repositoryId", repositoryId).param("sha", sha).param("kind", kind).param("context", context)
                .param("state", state).param("description", description).param("targetUrl", targetUrl).update();
    }

    /** The latest report per context on {@code sha}, in the order the contexts first reported; kind null = both. */
    List<PullRequestDetails.Status> latestStatuses(long repositoryId, String sha, String kind) {
        return jdbc.sql("""
                select * from (
                    select distinct on (kind, context) kind, context, state, description, target_url, created_at,
                           min(id) over (partition by kind, context) as first_id
                    from commit_statuses
                    where repository_id = :repositoryId and sha = :sha and (cast(:kind as text) is null or kind = :kind)
                    order by kind, context, id desc) latest
                order by kind desc, first_id
                """).param("repositoryId", repositoryId).param("sha", sha).param("kind", kind)
                .query((rs, n) -> new PullRequestDetails.Status(rs.getString("kind"), rs.getString("context"),
                        rs.getString("state"), rs.getString("description"), rs.getString("target_url"),
                        PullRequestRecords.instant(rs.getTimestamp("created_at"))))
                .list();
    }
}
