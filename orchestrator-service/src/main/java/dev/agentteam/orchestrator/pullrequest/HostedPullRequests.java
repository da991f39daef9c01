package dev.agentteam.orchestrator.pullrequest;

import java.util.List;
import java.util.Optional;

import dev.agentteam.orchestrator.history.ChangedBy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pull requests that live on GitHub, mirrored into pr_records from webhook deliveries. Every change publishes the
 * same {@link ForgeEvent} the embedded forge publishes, so the rest of the orchestrator reacts to both alike.
 * Replaying a delivery changes nothing and publishes nothing a second time.
 */
@Service
public class HostedPullRequests {

    /**
     * A pull request as a GitHub payload describes it; {@code headSha} is the head commit now; {@code fork} when its
     * head branch lives in another repository (then it is never linked to a story by branch name).
     */
    public record Snapshot(String repo, int number, String title, String body, String url, String head, String base,
            String headSha, boolean fork) {
    }

    private final PullRequestRecords records;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher publisher;
    private final PullRequestLifecycle lifecycle;

    HostedPullRequests(PullRequestRecords records, JdbcClient jdbc, ApplicationEventPublisher publisher,
            PullRequestLifecycle lifecycle) {
        this.records = records;
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.lifecycle = lifecycle;
    }

    public Optional<PullRequestView> find(String repo, int number) {
        return records.find(repo, number).map(PullRequestRecords.Row::view);
    }

    /** Opened or reopened: the record is OPEN afterwards; the event only when it was not open before. */
    @Transactional
    public PullRequestView opened(Snapshot pr) {
        Optional<PullRequestView> before = find(pr.repo(), pr.number());
        PullRequestView now = upsert(pr, before);
        if (before.isEmpty() || !before.get().open()) {
            lifecycle.move(now.id(), PullRequestStatus.OPEN, ChangedBy.system("reopened on " + pr.repo()));
            publisher.publishEvent(new ForgeEvent.PullRequestOpened(now.id(), now.repo(), now.number(), now.head(),
                    now.headSha(), now.storyId()));
        }
        return find(pr.repo(), pr.number()).orElseThrow();
    }

    /** New commits on the head: CI and review start over for the new head commit. */
    @Transactional
    public PullRequestView synchronize(Snapshot pr) {
        return upsert(pr, find(pr.repo(), pr.number()));
    }

    /** Closed, merged or not; a PR already closed the same way stays as it is. */
    @Transactional
    public PullRequestView closed(Snapshot pr, boolean merged, String mergeSha) {
        PullRequestView now = upsert(pr, find(pr.repo(), pr.number()));
        PullRequestStatus status = merged ? PullRequestStatus.MERGED : PullRequestStatus.CLOSED;
        if (lifecycle.move(now.id(), status, ChangedBy.system(merged ? "merged on " + pr.repo() : "closed on " + pr.repo()))) {
            if (merged) {
                jdbc.sql("""
                        update pr_records set result = coalesce(result, '{}'::jsonb)
                               || jsonb_build_object('merge_sha', cast(:mergeSha as text)) where id = :id""")
                        .param("mergeSha", mergeSha).param("id", now.id()).update();
            }
            publisher.publishEvent(merged
                    ? new ForgeEvent.PullRequestMerged(now.id(), now.repo(), now.number(), now.head(), now.headSha(),
                            mergeSha, now.storyId())
                    : new ForgeEvent.PullRequestClosed(now.id(), now.repo(), now.number(), now.head(), now.storyId()));
        }
        return find(pr.repo(), pr.number()).orElseThrow();
    }

    /**
     * A submitted review: APPROVED, CHANGES_REQUESTED (one more review round) or COMMENTED, which does not undo an
     * earlier verdict on the same head. {@code reviewState} null means the review was dismissed: PENDING again. A
     * review of another commit than the head ({@code commitSha}) is recorded but decides nothing.
     */
    @Transactional
    public PullRequestView reviewed(Snapshot pr, String reviewState, String commitSha, String author, String summary) {
        PullRequestView now = upsert(pr, find(pr.repo(), pr.number()));
        jdbc.sql("""
                update pr_records set updated_at = now(),
                       review_status = case when cast(:state as text) is null then 'PENDING'
                                            when cast(:state as text) = 'COMMENTED' and review_status <> 'PENDING' then review_status
                                            else cast(:state as text) end,
                       review_rounds = review_rounds + case when cast(:state as text) = 'CHANGES_REQUESTED' then 1 else 0 end
                where id = :id and (cast(:sha as text) is null or head_sha = cast(:sha as text))""")
                .param("state", reviewState).param("id", now.id()).param("sha", commitSha).update();
        if (reviewState != null) {
            comment(now.id(), "review", author, summary, null, null, commitSha);
            publisher.publishEvent(new ForgeEvent.ReviewSubmitted(now.id(), now.repo(), now.number(), commitSha, 0, author));
        }
        return find(pr.repo(), pr.number()).orElseThrow();
    }

    /** A comment in the conversation ({@code path} null) or on a line of a file ({@code path} and {@code line}). */
    @Transactional
    public void commented(PullRequestView pr, String author, String body, String path, Integer line, String commitSha) {
        comment(pr.id(), path == null ? "comment" : "inline", author, body, path, line, commitSha);
    }

    /**
     * CI reported {@code state} (PENDING, RUNNING, SUCCESS, FAILURE, ERROR) for {@code context} on commit {@code sha}.
     * It is recorded per context; when {@code decides}, every open pull request whose head is that commit takes the
     * CI status of all the latest results on it together — any failure fails, and it is green only when every
     * context is — never just the last event's. Returns the pull requests whose CI status changed.
     */
    @Transactional
    public List<PullRequestView> ciReported(String repo, String sha, String context, String state, String targetUrl,
            boolean decides) {
        jdbc.sql("""
                insert into commit_statuses (repository_id, sha, kind, context, state, target_url)
                select id, :sha, 'check_run', :context, :state, :url from repositories where full_name = :repo
                  and :sha ~ '^[0-9a-f]{40}$'""")
                .param("sha", sha).param("context", context).param("state", "RUNNING".equals(state) ? "PENDING" : state)
                .param("url", targetUrl).param("repo", repo).update();
        if (!decides) {
            return List.of();
        }
        String combined = jdbc.sql("""
                select case when count(*) = 0 then null
                            when bool_or(state = 'FAILURE') then 'FAILURE'
                            when bool_or(state = 'ERROR') then 'ERROR'
                            when bool_and(state = 'SUCCESS') then 'SUCCESS' else 'PENDING' end
                from (select distinct on (c.context) c.state from commit_statuses c
                      join repositories r on r.id = c.repository_id
                      where r.full_name = :repo and c.sha = :sha and c.kind = 'check_run'
                      order by c.context, c.id desc) latest""")
                .param("repo", repo).param("sha", sha).query(String.class).optional().orElse(null);
        String ciStatus = combined == null || "RUNNING".equals(state) && "PENDING".equals(combined) ? state : combined;
        List<PullRequestView> prs = jdbc.sql("""
                update pr_records set ci_status = :state, updated_at = now()
                where repo = :repo and head_sha = :sha and status = 'OPEN' and ci_status <> :state returning id""")
                .param("state", ciStatus).param("repo", repo).param("sha", sha).query(Long.class).list().stream()
                .map(id -> records.find(id).orElseThrow().view()).toList();
        if (!prs.isEmpty()) {
            publisher.publishEvent(new ForgeEvent.CommitStatusChanged(repo, sha, "check_run", context, ciStatus, targetUrl));
        }
        return prs;
    }

    /** A push to {@code branch}: open pull requests with that head move to {@code sha}. */
    @Transactional
    public List<PullRequestView> pushed(String repo, String branch, String sha) {
        return records.openWithHead(repo, branch).stream().map(PullRequestRecords.Row::view)
                .filter(pr -> !sha.equals(pr.headSha()))
                .map(pr -> upsert(new Snapshot(repo, pr.number(), pr.title(), pr.body(), pr.url(), branch, pr.base(), sha,
                        false), Optional.of(pr)))
                .toList();
    }

    private PullRequestView upsert(Snapshot pr, Optional<PullRequestView> before) {
        if (before.isEmpty()) {
            jdbc.sql("""
                    insert into pr_records (repository_id, repo, pr_number, branch, base_branch, title, body, url, head_sha, story_id)
                    values ((select id from repositories where full_name = :repo limit 1), :repo, :number, :head, :base,
                            :title, :body, :url, :sha, (select id from stories where id = :storyId))""")
                    .param("repo", pr.repo()).param("number", pr.number()).param("head", pr.head())
                    .param("base", pr.base()).param("title", nonNull(pr.title())).param("body", nonNull(pr.body()))
                    .param("url", pr.url()).param("sha", pr.headSha())
                    .param("storyId", pr.fork() ? null : PullRequests.storyId(pr.head()))
                    .update();
            PullRequestView inserted = find(pr.repo(), pr.number()).orElseThrow();
            lifecycle.created(inserted.id(), ChangedBy.system("opened on " + pr.repo()));
            return inserted;
        }
        PullRequestView old = before.get();
        // A new head, or a new base (the merge result changes), starts CI and review over.
        boolean newHead = pr.headSha() != null && !pr.headSha().equals(old.headSha())
                || pr.base() != null && !pr.base().equals(old.base());
        jdbc.sql("""
                update pr_records set title = :title, body = :body, url = coalesce(:url, url),
                       base_branch = :base, head_sha = coalesce(:sha, head_sha), updated_at = now(),
                       ci_status = case when :newHead then 'PENDING' else ci_status end,
                       review_status = case when :newHead then 'PENDING' else review_status end
                where id = :id""")
                .param("title", nonNull(pr.title())).param("body", nonNull(pr.body())).param("url", pr.url())
                .param("base", pr.base()).param("sha", pr.headSha()).param("newHead", newHead).param("id", old.id())
                .update();
        if (newHead && old.open() && pr.headSha() != null && !pr.headSha().equals(old.headSha())) {
            publisher.publishEvent(new ForgeEvent.PullRequestSynchronized(old.id(), old.repo(), old.number(),
                    old.head(), pr.headSha(), old.storyId()));
        }
        return find(pr.repo(), pr.number()).orElseThrow();
    }

    private void comment(long prId, String kind, String author, String body, String path, Integer line, String sha) {
        jdbc.sql("""
                insert into pr_comments (pr_id, kind, author, body, path, line, commit_sha)
                values (:pr, :kind, :author, :body, :path, :line, :sha)""")
                .param("pr", prId).param("kind", kind).param("author", author == null ? "unknown" : author)
                .param("body", nonNull(body)).param("path", path).param("line", line).param("sha", sha).update();
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    /**
     * The pull request an agent reported opening for a story, recorded when the forge has not recorded it yet
     * (same repository, number and branch); otherwise only its head commit and story are brought up to date.
     */
    @Transactional
    public void reportedByAgent(Long repositoryId, String repo, long storyId, int number, String branch, String base,
            String title, String url, String headSha, long taskId) {
        int updated = jdbc.sql("""
                        update pr_records set head_sha = ?, story_id = coalesce(story_id, ?), updated_at = now()
                        where pr_number = ? and (repo = ? or repository_id = ?) and branch = ?""")
                .params(headSha, storyId, number, repo, repositoryId, branch).update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into pr_records (repository_id, story_id, pr_number, repo, branch, base_branch, title, url,
                                                    head_sha)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (repo, pr_number) do nothing returning id""")
                    .params(repositoryId, storyId, number, repo, branch, base, title, url, headSha)
                    .query(Long.class).optional()
                    .ifPresent(id -> lifecycle.created(id, ChangedBy.task(taskId, "opened by the dev agent")));
        }
    }
}
