package dev.agentteam.orchestrator.security;

import dev.agentteam.orchestrator.support.IntegrationTest;
import dev.agentteam.orchestrator.support.TestApi;
import dev.agentteam.orchestrator.support.TestApi.Reply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bearer tokens on /api: 401 and 403 as problem+json, roles, token life cycle, user management. */
class ApiSecurityTest extends IntegrationTest {

    private static final String EPIC = "{\"title\": \"Reports\"}";

    @Test
    void withoutATokenTheApiAnswers401ProblemJson() {
        Reply reply = anonymous.get("/api/backlog");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.json().get("status").asInt()).isEqualTo(401);
        assertThat(reply.detail()).contains("Authorization: Bearer");
        assertThat(anonymous.postJson("/api/epics", EPIC).status()).isEqualTo(401);
        assertThat(jdbc.queryForObject("select count(*) from epics", Integer.class)).isZero();
    }

    @Test
    void anUnknownTokenOrAnotherSchemeIs401() {
        Reply unknown = anonymous.as("Bearer at_this-token-was-never-issued").get("/api/backlog");
        Reply basic = anonymous.as("Basic YWRtaW46YWRtaW4=").get("/api/backlog");

        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.isProblem()).isTrue();
        assertThat(unknown.detail()).contains("unknown, revoked or expired");
        assertThat(basic.status()).isEqualTo(401);
        assertThat(basic.detail()).contains("Bearer");
    }

    @Test
    void aViewerReadsButMayNotWrite() {
        TestApi viewer = anonymous.as(users.person("viewer"));

        assertThat(viewer.get("/api/backlog").status()).isEqualTo(200);
        Reply write = viewer.postJson("/api/epics", EPIC);

        assertThat(write.status()).isEqualTo(403);
        assertThat(write.isProblem()).isTrue();
        assertThat(write.detail()).contains("(viewer, human)").contains("POST /api/epics").contains("approver role");
        assertThat(jdbc.queryForObject("select count(*) from epics", Integer.class)).isZero();
    }

    @Test
    void anApproverWrites() {
        Reply reply = anonymous.as(users.person("approver")).postJson("/api/epics", EPIC);

        assertThat(reply.status()).isEqualTo(201);
    }

    @Test
    void aTokenCreatedThroughTheApiWorksAndStopsWorkingWhenRevoked() {
        TestApi viewer = anonymous.as(users.person("viewer"));
        Reply created = viewer.postJson("/api/tokens", "{\"name\": \"cli\"}");
        assertThat(created.status()).isEqualTo(201);
        String token = created.json().get("token").asString();
        long id = created.json().get("id").asLong();
        assertThat(token).startsWith("at_").hasSizeGreaterThan(40);
        assertThat(created.json().get("hint").asString()).isEqualTo(token.substring(0, 9));
        // Only the hash is stored; the list never shows the token again.
        assertThat(jdbc.queryForObject("select count(*) from api_tokens where token_hash = ?", Integer.class,
                ApiTokens.hash(token))).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from api_tokens where token_hash = ? or hint = ?", Integer.class,
                token, token)).isZero();
        TestApi withNewToken = anonymous.as("Bearer " + token);
        Reply list = withNewToken.get("/api/tokens");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("\"cli\"").doesNotContain(token);

        Reply revoked = withNewToken.send("DELETE", "/api/tokens/" + id, null, null);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("revoked_at").isNull()).isFalse();

        Reply after = withNewToken.get("/api/backlog");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.isProblem()).isTrue();
        assertThat(viewer.get("/api/backlog").status()).isEqualTo(200);
    }

    @Test
    void aDisabledUsersTokensStopWorking() {
        var user = users.create("approver", "human");
        TestApi approver = anonymous.as(users.bearer(user.id()));
        assertThat(approver.get("/api/backlog").status()).isEqualTo(200);

        Reply disabled = api.send("PATCH", "/api/users/" + user.id(), "application/json", "{\"enabled\": false}");

        assertThat(disabled.status()).isEqualTo(200);
        assertThat(approver.get("/api/backlog").status()).isEqualTo(401);
    }

    @Test
    void anotherUsersTokenCannotBeRevoked() {
        long othersToken = anonymous.as(users.person("viewer")).postJson("/api/tokens", "{\"name\": \"mine\"}")
                .json().get("id").asLong();

        Reply reply = anonymous.as(users.person("approver")).send("DELETE", "/api/tokens/" + othersToken, null, null);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select revoked_at is null from api_tokens where id = ?", Boolean.class,
                othersToken)).isTrue();
    }

    @Test
    void onlyAdminsManageUsers() {
        Reply byApprover = anonymous.as(users.person("approver")).get("/api/users");
        assertThat(byApprover.status()).isEqualTo(403);
        assertThat(byApprover.detail()).contains("admin role");

        Reply created = api.postJson("/api/users", """
                {"username": "Maria", "name": "María", "role": "approver", "password": "correct horse battery"}""");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("username").asString()).isEqualTo("maria");
        assertThat(created.json().get("kind").asString()).isEqualTo("human");
        assertThat(jdbc.queryForObject("select password_hash from users where username = 'maria'", String.class))
                .startsWith("$2");

        Reply agent = api.postJson("/api/users", "{\"username\": \"dev-bot\", \"role\": \"viewer\", \"kind\": \"agent\"}");
        assertThat(agent.status()).isEqualTo(201);
        // Tokens are minted only for oneself (issue 13, attack 4): not even an admin mints one for another user.
        Reply token = api.postJson("/api/users/" + agent.json().get("id").asLong() + "/tokens", "{\"name\": \"ci\"}");
        assertThat(token.status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from api_tokens where user_id = ?", Long.class,
                agent.json().get("id").asLong())).isZero();

        assertThat(api.get("/api/users").json().findValuesAsString("username")).contains("admin", "maria", "dev-bot");
    }

    @Test
    void badUserInputIsExplained() {
        Reply shortPassword = api.postJson("/api/users", "{\"username\": \"bob\", \"role\": \"viewer\", \"password\": \"short\"}");
        Reply badRole = api.postJson("/api/users", "{\"username\": \"bob\", \"role\": \"owner\", \"password\": \"long enough password\"}");
        Reply agentWithPassword = api.postJson("/api/users",
                "{\"username\": \"bot\", \"role\": \"viewer\", \"kind\": \"agent\", \"password\": \"long enough password\"}");
        api.postJson("/api/users", "{\"username\": \"bob\", \"role\": \"viewer\", \"password\": \"long enough password\"}");
        Reply duplicate = api.postJson("/api/users", "{\"username\": \"BOB\", \"role\": \"viewer\", \"password\": \"long enough password\"}");
        Reply demoteAdmin = api.send("PATCH", "/api/users/1", "application/json", "{\"role\": \"viewer\"}");

        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.detail()).contains("at least 12 characters");
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.detail()).contains("role");
        assertThat(agentWithPassword.status()).isEqualTo(400);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(demoteAdmin.status()).isEqualTo(409);
    }
}
