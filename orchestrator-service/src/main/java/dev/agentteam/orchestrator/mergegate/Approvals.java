package dev.agentteam.orchestrator.mergegate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** SQL over {@code approvals}, and the few facts about a pull request's story the gate needs. */
@Component
class Approvals {

    private static final String SELECT = """
            select a.id, a.pr_id, a.user_id, u.name, a.decision, a.comment, a.head_sha, a.created_at
            from approvals a join users u on u.id = a.user_id""";

    /** First key of the advisory lock that serialises decisions on one pull request. */
    private static final int APPROVALS_LOCK = 0x61707072;

    private final JdbcClient jdbc;

    Approvals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a decision, idempotently: when this user's latest decision on this head is already {@code decision},
     * that one is returned and nothing is added (approving twice is one approval). Runs in the caller's
     * transaction; the per-pull-request advisory lock makes two simultaneous clicks one decision too.
     */
    ApprovalView record(long prId, long userId, String decision, String comment, String headSha, String base) {
        jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(APPROVALS_LOCK, (int) prId).query().singleRow();
        Optional<ApprovalView> same = jdbc.sql(SELECT + " where a.pr_id = ? and a.head_sha = ? and a.base_branch = ? "
                + "and a.user_id = ? order by a.id desc limit 1").params(prId, headSha, base, userId).query(Approvals::view)
                .optional()
                .filter(latest -> latest.decision().equals(decision));
        if (same.isPresent()) {
            return same.get();
        }
        long id = jdbc.sql("""
                insert into approvals (pr_id, user_id, decision, comment, head_sha, base_branch) values (?, ?, ?, ?, ?, ?)
                returning id""").params(prId, userId, decision, comment, headSha, base).query(Long.class).single();
        return jdbc.sql(SELECT + " where a.id = ?").param(id).query(Approvals::view).single();
    }

    List<ApprovalView> list(long prId) {
        return jdbc.sql(SELECT + " where a.pr_id = ? order by a.id").param(prId).query(Approvals::view).list();
    }

    /** The latest decision on {@code headSha} onto {@code base}: the one that counts. */
    Optional<ApprovalView> latestOn(long prId, String headSha, String base) {
        return jdbc.sql(SELECT + " where a.pr_id = ? and a.head_sha = ? and a.base_branch = ? order by a.id desc limit 1")
                .params(prId, headSha, base).query(Approvals::view).optional();
    }

    /** The user may decide on pull requests now: an enabled person with the approver (or admin) role. */
    boolean isHumanApprover(long userId) {
        return jdbc.sql("select exists (select 1 from users where id = ? and kind = 'human' and enabled "
                + "and role in ('approver', 'admin'))").param(userId).query(Boolean.class).single();
    }

    /** The owner (creator) of the epic the story belongs to. */
    Optional<Long> epicOwner(Long storyId) {
        if (storyId == null) {
            return Optional.empty();
        }
        return jdbc.sql("select e.created_by from stories s join epics e on e.id = s.epic_id where s.id = ?")
                .param(storyId).query(Long.class).optional();
    }

    /** The name of the owner of the story's epic, for people to read. */
    Optional<String> epicOwnerName(Long storyId) {
        if (storyId == null) {
            return Optional.empty();
        }
        return jdbc.sql("select u.name from stories s join epics e on e.id = s.epic_id join users u on u.id = e.created_by "
                + "where s.id = ?").param(storyId).query(String.class).optional();
    }

    /** A review of the current head was posted on the embedded forge (its summary comment). */
    boolean reviewPostedOn(long prId, String headSha) {
        return jdbc.sql("select exists (select 1 from pr_comments where pr_id = ? and kind = 'review' and commit_sha = ?)")
                .params(prId, headSha).query(Boolean.class).single();
    }

    private static ApprovalView view(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ApprovalView(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant());
    }
}
