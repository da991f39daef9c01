package dev.agentteam.orchestrator.forge;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import dev.agentteam.orchestrator.api.ApiProblems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forge credentials scoped to one embedded repository: the token is shown once, only its SHA-256 is stored, and the
 * forge's token filter lets it reach that repository's git and forge API paths only (pushing {@code feature/*}
 * only, like every agent token).
 */
@Component
public class RepositoryCredentials {

    /** The longest a task's credential lives; it is revoked earlier, when the task ends. */
    public static final Duration MAX_TASK_LIFETIME = Duration.ofHours(24);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String VIEW = "select id, repository_id, created_by, task_id, created_at, expires_at, revoked_at from forge_credentials";

    private final JdbcClient jdbc;

    RepositoryCredentials(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new credential for embedded repository {@code repositoryId}, minted by {@code userId}. */
    @Transactional
    public ForgeCredential mint(long repositoryId, long userId) {
        String repository = embeddedRepository(repositoryId);
        return insert(repositoryId, repository, userId, null, null);
    }

    /**
     * A new credential for task {@code taskId} on embedded repository {@code repositoryId}: it expires after
     * {@code lifetime} (at most {@link #MAX_TASK_LIFETIME}) and is revoked when the task ends; minting again for the
     * same task revokes the task's earlier credentials, so a task holds one live credential at most.
     */
    @Transactional
    public ForgeCredential mintForTask(long taskId, long repositoryId, Duration lifetime) {
        if (lifetime == null || lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_TASK_LIFETIME) > 0) {
            throw new IllegalArgumentException("a task's forge credential lives more than 0 and at most "
                    + MAX_TASK_LIFETIME + ", not " + lifetime);
        }
        String repository = embeddedRepository(repositoryId);
        revokeForTask(taskId);
        return insert(repositoryId, repository, null, taskId, Instant.now().plus(lifetime));
    }

    /** Revokes every live credential of task {@code taskId}; returns how many. */
    @Transactional
    public int revokeForTask(long taskId) {
        return jdbc.sql("update forge_credentials set revoked_at = now() where task_id = ? and revoked_at is null")
                .param(taskId).update();
    }

    private ForgeCredential insert(long repositoryId, String repository, Long userId, Long taskId, Instant expiresAt) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "fc_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        record Row(long id, Instant createdAt) {
        }
        Row row = jdbc.sql("""
                insert into forge_credentials (repository_id, token_sha256, created_by, task_id, expires_at)
                values (?, ?, ?, ?, ?) returning id, created_at""")
                .params(repositoryId, ForgeTokens.digest(token), userId, taskId,
                        expiresAt == null ? null : Timestamp.from(expiresAt))
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getTimestamp("created_at").toInstant())).single();
        return new ForgeCredential(row.id(), repositoryId, repository, token, row.createdAt());
    }

    /** The credentials of embedded repository {@code repositoryId}, newest first, without their tokens. */
    @Transactional(readOnly = true)
    public List<ForgeCredentialView> list(long repositoryId) {
        embeddedRepository(repositoryId);
        return jdbc.sql(VIEW + " where repository_id = ? order by id desc").param(repositoryId).query(this::view).list();
    }

    /** One credential of embedded repository {@code repositoryId}, without its token. */
    @Transactional(readOnly = true)
    public ForgeCredentialView find(long repositoryId, long credentialId) {
        embeddedRepository(repositoryId);
        return jdbc.sql(VIEW + " where repository_id = ? and id = ?").params(repositoryId, credentialId)
                .query(this::view).optional()
                .orElseThrow(() -> ApiProblems.notFound("Forge credential", credentialId));
    }

    /**
     * Revokes a credential of embedded repository {@code repositoryId}: the forge refuses its token from the next
     * request on. Revoking a revoked credential changes nothing (its first revocation time stays).
     */
    @Transactional
    public ForgeCredentialView revoke(long repositoryId, long credentialId) {
        find(repositoryId, credentialId);
        jdbc.sql("update forge_credentials set revoked_at = now() where id = ? and revoked_at is null")
                .param(credentialId).update();
        return find(repositoryId, credentialId);
    }

    private String embeddedRepository(long repositoryId) {
        return jdbc.sql("select name from repositories where id = ? and forge = 'embedded'")
                .param(repositoryId).query(String.class).optional()
                .orElseThrow(() -> ApiProblems.notFound("No embedded repository " + repositoryId + "."));
    }

    private ForgeCredentialView view(ResultSet rs, int row) throws SQLException {
        return new ForgeCredentialView(rs.getLong("id"), rs.getLong("repository_id"),
                rs.getObject("created_by", Long.class), rs.getObject("task_id", Long.class),
                rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("revoked_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** The repository a presented token is scoped to, when it is a live repository credential. */
    Optional<Scope> repositoryOf(String token) {
        if (token == null || !token.startsWith("fc_")) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select r.id, r.name from forge_credentials c join repositories r on r.id = c.repository_id
                where c.token_sha256 = ? and c.revoked_at is null
                  and (c.expires_at is null or c.expires_at > now())""").param(ForgeTokens.digest(token))
                .query((rs, n) -> new Scope(rs.getLong("id"), rs.getString("name"))).optional();
    }

    /** The one repository a credential reaches, by id and by name. */
    record Scope(long id, String name) {
    }

    /** A credential as minted: the token appears here and nowhere else. */
    public record ForgeCredential(long id, long repositoryId, String repository, String token, Instant createdAt) {
    }

    /**
     * A credential as listed: never its token. {@code createdBy} is null for a task's credential and once that user
     * is deleted; {@code taskId} and {@code expiresAt} are set for a task's credential only.
     */
    public record ForgeCredentialView(long id, long repositoryId, Long createdBy, Long taskId, Instant createdAt,
            Instant expiresAt, Instant revokedAt) {
    }
}
