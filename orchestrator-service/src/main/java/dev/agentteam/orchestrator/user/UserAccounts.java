package dev.agentteam.orchestrator.user;

import dev.agentteam.orchestrator.api.ApiProblems;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Accounts: creating and listing users, and the login bookkeeping (failed attempts, locks, last login).
 * Plain SQL, because the counters must change atomically when several logins race.
 */
@Service
public class UserAccounts {

    static final String COLUMNS = "id, name, email, role, kind, enabled, username";
    private static final RowMapper<UserView> VIEW = (rs, n) -> new UserView(rs.getLong("id"), rs.getString("name"),
            rs.getString("email"), rs.getString("role"), rs.getString("kind"), rs.getBoolean("enabled"),
            rs.getString("username"));

    private final JdbcTemplate jdbc;

    UserAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Login names are compared case-insensitively: stored and looked up lower-case. */
    public static String normalize(String username) {
        return username == null ? null : username.strip().toLowerCase(Locale.ROOT);
    }

    @Transactional(readOnly = true)
    public List<UserView> list() {
        return jdbc.query("select " + COLUMNS + " from users order by id", VIEW);
    }

    @Transactional(readOnly = true)
    public Optional<UserView> find(long id) {
        return jdbc.query("select " + COLUMNS + " from users where id = ?", VIEW, id).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public Optional<Credentials> credentials(String username) {
        return jdbc.query("select " + COLUMNS + ", password_hash, failed_login_count, locked_until from users "
                + "where username = ?", (rs, n) -> new Credentials(VIEW.mapRow(rs, n), rs.getString("password_hash"),
                rs.getInt("failed_login_count"), instant(rs.getTimestamp("locked_until"))), normalize(username))
                .stream().findFirst();
    }

    @Transactional
    public UserView create(NewUser user) {
        try {
            long id = jdbc.queryForObject("""
                    insert into users (username, name, email, role, kind, password_hash) values (?, ?, ?, ?, ?, ?)
                    returning id""", Long.class, normalize(user.username()), user.name(), user.email(), user.role(),
                    user.kind(), user.passwordHash());
            return find(id).orElseThrow();
        } catch (DuplicateKeyException e) {
            throw ApiProblems.conflict("A user with username '" + normalize(user.username()) + "' or e-mail '"
                    + user.email() + "' already exists.");
        }
    }

    /** Changes role and/or enabled (null leaves a value as it is). */
    @Transactional
    public UserView update(long id, String role, Boolean enabled) {
        int updated = jdbc.update("update users set role = coalesce(?, role), enabled = coalesce(?, enabled) where id = ?",
                role, enabled, id);
        if (updated == 0) {
            throw ApiProblems.notFound("user", id);
        }
        return find(id).orElseThrow();
    }

    @Transactional
    public void recordSuccessfulLogin(long id) {
        jdbc.update("update users set failed_login_count = 0, locked_until = null, last_login_at = now() where id = ?", id);
    }

    @Transactional
    public void setPasswordHash(long id, String passwordHash) {
        jdbc.update("update users set password_hash = ?, failed_login_count = 0, locked_until = null where id = ?",
                passwordHash, id);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
