package dev.agentteam.orchestrator.security;

import dev.agentteam.orchestrator.support.IntegrationTest;
import dev.agentteam.orchestrator.support.TestApi.Reply;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13: these inputs answered 500; each is now a 400 problem that says what to change. */
class InputLimitsTest extends IntegrationTest {

    @Test
    void aNulInATokenNameIsABadRequest() {
        assertBadRequest(api.postJson("/api/tokens", "{\"name\": \"ci\\u0000\"}"), "NUL characters");
        assertThat(jdbc.queryForObject("select count(*) from api_tokens where name like 'ci%'", Long.class)).isZero();
    }

    @Test
    void anExpiryFarInTheFutureIsABadRequest() {
        assertBadRequest(api.postJson("/api/tokens", "{\"name\": \"ci\", \"expires_at\": \"+999999999-12-31T23:59:59Z\"}"),
                "expires_at");
        assertBadRequest(api.postJson("/api/tokens", "{\"name\": \"ci\", \"expires_at\": \"9999-01-01T00:00:00Z\"}"),
                "at most 366 days");
        String nextMonth = Instant.now().plus(30, ChronoUnit.DAYS).toString();
        assertThat(api.postJson("/api/tokens", "{\"name\": \"ci\", \"expires_at\": \"" + nextMonth + "\"}").status())
                .isEqualTo(201);
    }

    @Test
    void aPasswordOverSeventyTwoBytesIsABadRequest() {
        // 40 characters, but 80 bytes in UTF-8: bcrypt counts bytes.
        String password = "ñ".repeat(40);
        assertBadRequest(api.postJson("/api/users", "{\"username\": \"long\", \"role\": \"viewer\", \"password\": \""
                + password + "\"}"), "at most 72 bytes");
        assertThat(jdbc.queryForObject("select count(*) from users where username = 'long'", Long.class)).isZero();
    }

    private static void assertBadRequest(Reply reply, String detail) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.detail()).contains(detail);
    }
}
