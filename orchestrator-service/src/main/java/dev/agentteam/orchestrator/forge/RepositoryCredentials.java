package dev.agentteam.orchestrator.forge;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
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

    private final JdbcClient jdbc;

    RepositoryCredentials(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new credential for embedded repository {@code repositoryId}, minted by {@code userId}. */
    @Transactional
    public ForgeCredential mint(long repositoryId, long userId) {
        String repository = jdbc.sql("select name from repositories where id = ? and forge = 'embedded'")
                .param(repositoryId).query(String.class).optional()
                .orElseThrow(() -> ApiProblems.notFound("No embedded repository " + repositoryId + "."));
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
}
