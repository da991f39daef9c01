package dev.agentteam.orchestrator.user;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.function.Supplier;

/**
 * User 1 is the first administrator (the API's {@code owner_id} 1 since the first release). This makes sure it
 * exists, is a human admin with a login name, and has a password.
 */
@Service
public class BootstrapAdmin {

    /** What {@link #ensure} did about the password. */
    public enum PasswordOutcome { SET, ALREADY_SET }

    private final JdbcTemplate jdbc;

    BootstrapAdmin(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates user 1 or completes it. {@code passwordHash} is asked for only when user 1 has no password yet, so a
     * generated password is created (and shown) at most once.
     */
    @Transactional
    public PasswordOutcome ensure(String username, Supplier<String> passwordHash) {
        // Two orchestrators starting together must agree on one admin and one password.
        jdbc.execute("lock table users in share row exclusive mode");
        String login = UserAccounts.normalize(username);
        int created = jdbc.update("""
                insert into users (id, username, name, role, kind) values (1, ?, 'admin', 'admin', 'human')
                on conflict (id) do nothing""", login);
        if (created > 0) {
            // The id was written explicitly: move the identity past it, so the next user gets 2.
            jdbc.queryForObject("select setval(pg_get_serial_sequence('users', 'id'), "
                    + "greatest((select max(id) from users), 1))", Long.class);
        } else {
            jdbc.update("update users set username = ? where id = 1 and username is null", login);
        }
        String existing = jdbc.queryForObject("select password_hash from users where id = 1", String.class);
        if (existing != null) {
            return PasswordOutcome.ALREADY_SET;
        }
        jdbc.update("update users set password_hash = ? where id = 1", passwordHash.get());
        return PasswordOutcome.SET;
    }
}
