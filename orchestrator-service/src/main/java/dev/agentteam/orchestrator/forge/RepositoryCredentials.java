package dev.agentteam.orchestrator.forge;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String VIEW = "select id, repository_id, created_by, created_at, revoked_at from forge_credentials";

    private final JdbcClient jdbc;

    RepositoryCredentials(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new credential for embedded repository {@code repositoryId}, minted by {@code userId}. */
    @Transactional
    public ForgeCredential mint(long repositoryId, long userId) {
        String repository = embeddedRepository(repositoryId);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "fc_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        record Row(long id, Instant createdAt) {
        }
        Row row = jdbc.sql("""
                insert into forge_credentials (repository_id, token_sha256, created_by) values (?, ?, ?)
                returning id, created_at""").params(repositoryId, ForgeTokens.digest(token), userId)
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
        Long createdBy = rs.getObject("created_by", Long.class);
        return new ForgeCredentialView(rs.getLong("id"), rs.getLong("repository_id"), createdBy, rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant());
    }

    /** The repository a presented token is scoped to, when it is a live repository credential. */
    Optional<String> repositoryOf(String token) {
        if (token == null || !token.startsWith("fc_")) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select r.name from forge_credentials c join repositories r on r.id = c.repository_id
                where c.token_sha256 = ? and c.revoked_at is null""").param(ForgeTokens.digest(token))
                .query(String.class).optional();
    }

    /** A credential as minted: the token appears here and nowhere else. */
    public record ForgeCredential(long id, long repositoryId, String repository, String token, Instant createdAt) {
    }

    /** A credential as listed: never its token. {@code createdBy} is null once that user is deleted. */
    public record ForgeCredentialView(long id, long repositoryId, Long createdBy, Instant createdAt, Instant revokedAt) {
    }
}
