package dev.agentteam.orchestrator.security;

import dev.agentteam.orchestrator.support.IntegrationTest;
import dev.agentteam.orchestrator.support.TestApi;
import dev.agentteam.orchestrator.support.TestApi.Reply;
import dev.agentteam.orchestrator.user.UserView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What makes a presented API token count, and for how long: an expired token is refused like an unknown one, only
 * the exact token (not its hash, hint or a longer string) signs in, and the header must say {@code Bearer}.
 */
class ApiTokenLifetimeTest extends IntegrationTest {

    @Autowired
    ApiTokens tokens;

    @Test
    void aTokenWorksUntilItsExpiryAndNotAfter() {
        UserView viewer = users.create("viewer", "human");
        CreatedToken created = tokens.create(viewer.id(), "short-lived", Instant.now().plus(Duration.ofHours(1)));
        TestApi withToken = anonymous.as("Bearer " + created.token());
        assertThat(withToken.get("/api/backlog").status()).isEqualTo(200);
        assertThat(created.details().expiresAt()).isAfter(Instant.now());

        jdbc.update("update api_tokens set expires_at = now() - interval '1 second' where id = ?", created.details().id());

        Reply expired = withToken.get("/api/backlog");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.detail()).contains("unknown, revoked or expired");
        assertThat(tokens.authenticate(created.token())).isEmpty();
    }

    @Test
    void aTokenWithoutExpiryAuthenticatesItsOwnUserOnly() {
        UserView approver = users.create("approver", "human");
        UserView viewer = users.create("viewer", "human");
        CreatedToken approversToken = tokens.create(approver.id(), "cli", null);
        tokens.create(viewer.id(), "cli", null);

        assertThat(approversToken.details().expiresAt()).isNull();
        assertThat(approversToken.details().userId()).isEqualTo(approver.id());
        assertThat(tokens.authenticate(approversToken.token())).get().extracting(UserView::id).isEqualTo(approver.id());
        assertThat(tokens.list(approver.id())).extracting(ApiTokenView::id).containsExactly(approversToken.details().id());
    }

    @Test
    void onlyTheExactTokenSignsIn() {
        UserView viewer = users.create("viewer", "human");
        CreatedToken created = tokens.create(viewer.id(), "cli", null);
        String token = created.token();

        assertThat(tokens.authenticate(token + "x")).isEmpty();
        assertThat(tokens.authenticate(ApiTokens.hash(token))).isEmpty();
        assertThat(tokens.authenticate(token.substring(ApiTokens.PREFIX.length()))).as("without the at_ prefix").isEmpty();
        assertThat(tokens.authenticate(created.details().hint())).isEmpty();
        assertThat(tokens.authenticate(null)).isEmpty();
        assertThat(tokens.authenticate("at_" + "a".repeat(300))).as("over-long").isEmpty();
        assertThat(tokens.authenticate(token)).isPresent();
    }

    @Test
    void aTokenOfExactlyTheLongestAcceptedLengthIsLookedUp() {
        UserView viewer = users.create("viewer", "human");
        String longest = "at_" + "b".repeat(197);
        jdbc.update("insert into api_tokens (user_id, name, token_hash, hint) values (?, 'planted', ?, 'at_bbbbbb')",
                viewer.id(), ApiTokens.hash(longest));

        assertThat(tokens.authenticate(longest)).get().extracting(UserView::id).isEqualTo(viewer.id());
        assertThat(tokens.authenticate(longest + "b")).isEmpty();
    }

    @Test
    void useIsRecordedAtMostOnceAMinute() {
        UserView viewer = users.create("viewer", "human");
        CreatedToken created = tokens.create(viewer.id(), "cli", null);
        assertThat(lastUsed(created)).isNull();

        tokens.authenticate(created.token());
        Instant first = lastUsed(created);
        assertThat(first).isNotNull();
        tokens.authenticate(created.token());
        assertThat(lastUsed(created)).as("within the minute: not written again").isEqualTo(first);

        jdbc.update("update api_tokens set last_used_at = now() - interval '2 minutes' where id = ?", created.details().id());
        Instant old = lastUsed(created);
        tokens.authenticate(created.token());
        assertThat(lastUsed(created)).isAfter(old);
    }

    @Test
    void anExpiryMustLieInTheFutureAndWithinAYear() {
        UserView viewer = users.create("viewer", "human");

        assertThat(tokens.create(viewer.id(), "a-year", Instant.now().plus(ApiTokens.MAX_LIFETIME).minusSeconds(60))
                .details().expiresAt()).isNotNull();
        assertRefused(() -> tokens.create(viewer.id(), "past", Instant.now().minusSeconds(1)), "must be in the future");
        assertRefused(() -> tokens.create(viewer.id(), "now", Instant.now()), "must be in the future");
        assertRefused(() -> tokens.create(viewer.id(), "   ", null), "1 to 100 characters");
        assertRefused(() -> tokens.create(viewer.id(), "x".repeat(101), null), "1 to 100 characters");
        assertThat(tokens.create(viewer.id(), "y".repeat(100), null).details().name()).hasSize(100);
        assertThat(tokens.create(viewer.id(), "  padded  ", null).details().name()).isEqualTo("padded");
    }

    @Test
    void noTokenIsMadeForAnUnknownUserAndRevokingTwiceKeepsTheFirstRevocation() {
        UserView viewer = users.create("viewer", "human");
        CreatedToken created = tokens.create(viewer.id(), "cli", null);

        assertThatThrownBy(() -> tokens.create(999_999, "ghost", null))
                .isInstanceOfSatisfying(org.springframework.web.ErrorResponseException.class,
                        refused -> assertThat(refused.getStatusCode().value()).isEqualTo(404));
        ApiTokenView revoked = tokens.revoke(viewer.id(), created.details().id());
        jdbc.update("update api_tokens set revoked_at = revoked_at - interval '1 hour' where id = ?", revoked.id());
        Instant first = tokens.find(revoked.id()).orElseThrow().revokedAt();
        ApiTokenView again = tokens.revoke(viewer.id(), created.details().id());

        assertThat(revoked.revokedAt()).isNotNull();
        assertThat(again.revokedAt()).isEqualTo(first);
        assertThat(tokens.authenticate(created.token())).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from api_tokens where name = 'ghost'", Long.class)).isZero();
    }

    @Test
    void theHeaderMustSayBearerInAnyCase() {
        UserView viewer = users.create("viewer", "human");
        String token = tokens.create(viewer.id(), "cli", null).token();

        assertThat(anonymous.as("bearer " + token).get("/api/backlog").status()).isEqualTo(200);
        Reply basic = anonymous.as("Basic " + token).get("/api/backlog");
        assertThat(basic.status()).isEqualTo(401);
        assertThat(basic.detail()).contains("Bearer");
        assertThat(anonymous.as("Bearer").get("/api/backlog").status()).isEqualTo(401);
    }

    private void assertRefused(Runnable call, String detail) {
        try {
            call.run();
        } catch (org.springframework.web.ErrorResponseException refused) {
            assertThat(refused.getStatusCode().value()).isEqualTo(400);
            assertThat(refused.getBody().getDetail()).contains(detail);
            return;
        }
        throw new AssertionError("expected a 400 saying '" + detail + "'");
    }

    private Instant lastUsed(CreatedToken token) {
        return tokens.find(token.details().id()).orElseThrow().lastUsedAt();
    }
}
