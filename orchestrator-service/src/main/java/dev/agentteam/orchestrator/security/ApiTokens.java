package dev.agentteam.orchestrator.security;

import dev.agentteam.orchestrator.api.ApiProblems;
import dev.agentteam.orchestrator.user.UserAccounts;
import dev.agentteam.orchestrator.user.UserView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Personal API tokens: {@code at_} and 256 random bits (base64url). Only the SHA-256 is stored: a leaked
 * database does not leak usable tokens, and a fast hash is enough for a value that cannot be guessed.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "at_";
    private static final int HINT_LENGTH = PREFIX.length() + 6;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Far enough for any real use, near enough that the database's timestamp range is never reached. */
    static final Duration MAX_LIFETIME = Duration.ofDays(366);
    private static final RowMapper<ApiTokenView> VIEW = (rs, n) -> new ApiTokenView(rs.getLong("id"),
            rs.getLong("user_id"), rs.getString("name"), rs.getString("hint"), instant(rs.getTimestamp("created_at")),
            instant(rs.getTimestamp("expires_at")), instant(rs.getTimestamp("last_used_at")),
            instant(rs.getTimestamp("revoked_at")));

    private final JdbcTemplate jdbc;
    private final UserAccounts accounts;

    ApiTokens(JdbcTemplate jdbc, UserAccounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    /** Creates a token for {@code userId}; {@code expiresAt} may be null (no expiry). */
    @Transactional
    public CreatedToken create(long userId, String name, Instant expiresAt) {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 100) {
            throw ApiProblems.badRequest("name: give the token a name of 1 to 100 characters.");
        }
        if (cleanName.chars().anyMatch(Character::isISOControl)) {
            throw ApiProblems.badRequest("name: must not contain control characters (such as NUL).");
        }
        if (expiresAt != null && !expiresAt.isAfter(Instant.now())) {
            throw ApiProblems.badRequest("expires_at: must be in the future.");
        }
        if (expiresAt != null && expiresAt.isAfter(Instant.now().plus(MAX_LIFETIME))) {
            throw ApiProblems.badRequest("expires_at: at most " + MAX_LIFETIME.toDays() + " days from now; leave it "
                    + "out for a token that does not expire.");
        }
        accounts.find(userId).orElseThrow(() -> ApiProblems.notFound("user", userId));
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        long id = jdbc.queryForObject("""
                insert into api_tokens (user_id, name, token_hash, hint, expires_at) values (?, ?, ?, ?, ?)
                returning id""", Long.class, userId, cleanName, hash(token), token.substring(0, HINT_LENGTH),
                expiresAt == null ? null : Timestamp.from(expiresAt));
        return new CreatedToken(find(id).orElseThrow(), token);
    }

    @Transactional(readOnly = true)
    public List<ApiTokenView> list(long userId) {
        return jdbc.query("select * from api_tokens where user_id = ? order by created_at desc, id desc", VIEW, userId);
    }

    @Transactional(readOnly = true)
    public Optional<ApiTokenView> find(long id) {
        return jdbc.query("select * from api_tokens where id = ?", VIEW, id).stream().findFirst();
    }

    /** Revokes a token of {@code ownerId}; revoking twice is harmless. */
    @Transactional
    public ApiTokenView revoke(long ownerId, long tokenId) {
        ApiTokenView token = find(tokenId).filter(found -> found.userId() == ownerId)
                .orElseThrow(() -> ApiProblems.notFound("API token", tokenId));
        jdbc.update("update api_tokens set revoked_at = now() where id = ? and revoked_at is null", token.id());
        return find(tokenId).orElseThrow();
    }

    /** The enabled user a presented token belongs to, if the token is known, not revoked and not expired. */
    @Transactional
    public Optional<UserView> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        List<long[]> found = jdbc.query("""
                select t.id, t.user_id from api_tokens t join users u on u.id = t.user_id
                where t.token_hash = ? and t.revoked_at is null and (t.expires_at is null or t.expires_at > now())
                  and u.enabled""", (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, hash(token));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        // Written at most once a minute per token, so reading the API does not mean a write per request.
        jdbc.update("update api_tokens set last_used_at = now() where id = ? "
                + "and (last_used_at is null or last_used_at < now() - interval '1 minute')", found.get(0)[0]);
        return accounts.find(found.get(0)[1]);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
