package dev.agentteam.orchestrator.user;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On the first start (an empty {@code users} table) creates user 1, "admin", so the API can be tried at once.
 * The id is written explicitly, so the identity sequence is moved past it afterwards: the next user gets 2,
 * not a duplicate-key error.
 */
@Component
class BootstrapUser implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapUser.class);

    private final JdbcTemplate jdbc;

    BootstrapUser(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        // The lock makes two orchestrators starting together agree on one bootstrap user.
        jdbc.execute("lock table users in share row exclusive mode");
        int created = jdbc.update("""
                insert into users (id, name, role, kind) select 1, 'admin', 'admin', 'human'
                where not exists (select 1 from users)""");
        if (created > 0) {
            jdbc.queryForObject("select setval(pg_get_serial_sequence('users', 'id'), "
                    + "greatest((select max(id) from users), 1))", Long.class);
            log.info("Created the bootstrap user 1 (admin); give it a password or replace it before going live");
        }
    }
}
