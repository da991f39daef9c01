package dev.agentteam.orchestrator.security;

import dev.agentteam.orchestrator.support.FormClient;
import dev.agentteam.orchestrator.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Form login, brute-force lock, CSRF, secure headers, the token page and the admin page. */
class LoginTest extends IntegrationTest {

    private static final String PASSWORD = "a long enough password";

    @LocalServerPort
    int port;

    @Autowired
    UserManagement management;

    FormClient browser;

    @BeforeEach
    void person() {
        management.create(new UserForm("ana", "Ana", null, "approver", "human", PASSWORD));
        browser = new FormClient(port);
    }

    @Test
    void pagesNeedASignInAndTheRightPasswordOpensThem() {
        HttpResponse<String> page = browser.get("/account/tokens");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(FormClient.location(page)).endsWith("/login");

        HttpResponse<String> login = browser.login("Ana", PASSWORD);

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(FormClient.location(login)).doesNotContain("error");
        assertThat(browser.get("/account/tokens").statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select last_login_at is not null from users where username = 'ana'", Boolean.class))
                .isTrue();
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountWithAClearMessage() {
        for (int i = 1; i <= 4; i++) {
            assertThat(FormClient.location(browser.login("ana", "wrong " + i))).endsWith("/login?error");
            assertThat(browser.get("/login?error").body()).contains("Wrong username or password.");
        }
        assertThat(jdbc.queryForObject("select failed_login_count from users where username = 'ana'", Integer.class))
                .isEqualTo(4);

        browser.login("ana", "wrong 5");
        String lockedPage = browser.get("/login?error").body();

        assertThat(lockedPage).contains("Too many failed attempts; try again in 15 minutes.");
        // Locked: even the right password is refused, and the lock does not grow.
        browser.login("ana", PASSWORD);
        assertThat(browser.get("/login?error").body()).contains("Too many failed attempts; try again in");
        assertThat(browser.get("/account/tokens").statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForObject("select failed_login_count from users where username = 'ana'", Integer.class))
                .isEqualTo(5);

        // When the lock has passed, the right password works and resets the counter.
        jdbc.update("update users set locked_until = now() - interval '1 second' where username = 'ana'");
        assertThat(FormClient.location(browser.login("ana", PASSWORD))).doesNotContain("error");
        assertThat(jdbc.queryForObject("select failed_login_count from users where username = 'ana'", Integer.class))
                .isZero();
    }

    @Test
    void aSuccessfulLoginResetsTheFailureCount() {
        browser.login("ana", "wrong");
        browser.login("ana", "wrong again");

        browser.login("ana", PASSWORD);

        assertThat(jdbc.queryForObject("select failed_login_count from users where username = 'ana'", Integer.class))
                .isZero();
    }

    @Test
    void unknownUsersAndAgentsCannotSignIn() {
        browser.login("nobody", PASSWORD);
        assertThat(browser.get("/login?error").body()).contains("Wrong username or password.");
        users.create("approver", "agent");
        assertThat(browser.get("/account/tokens").statusCode()).isEqualTo(302);
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        HttpResponse<String> login = browser.post("/login", Map.of("username", "ana", "password", PASSWORD));
        assertThat(login.statusCode()).isEqualTo(403);

        browser.login("ana", PASSWORD);
        // The session cookie alone does not let a cross-site page write through the API either.
        HttpResponse<String> apiWrite = browser.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/epics")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"x\", \"owner_id\": 1}")).build());
        assertThat(apiWrite.statusCode()).isEqualTo(403);
        assertThat(apiWrite.body()).contains("CSRF");
        // ... while reading the API with the session works (Swagger UI when logged in).
        assertThat(browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/backlog"))
                .GET().build()).statusCode()).isEqualTo(200);
    }

    @Test
    void responsesCarryTheSecureHeaders() {
        HttpResponse<String> page = browser.get("/login");

        assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("default-src 'self'").contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(anonymous.get("/api/backlog").status()).isEqualTo(401);
    }

    @Test
    void theTokenPageShowsANewTokenOnceAndRevokesIt() {
        browser.login("ana", PASSWORD);

        HttpResponse<String> created = browser.submit("/account/tokens", "/account/tokens", Map.of("name", "laptop"));
        assertThat(created.statusCode()).isEqualTo(302);
        String page = browser.get("/account/tokens").body();
        Matcher token = Pattern.compile("id=\"created-token\" class=\"token\">(at_[A-Za-z0-9_-]+)<").matcher(page);
        assertThat(token.find()).isTrue();
        assertThat(anonymous.as("Bearer " + token.group(1)).get("/api/backlog").status()).isEqualTo(200);
        assertThat(browser.get("/account/tokens").body()).doesNotContain(token.group(1)).contains("laptop");

        long id = jdbc.queryForObject("select id from api_tokens where name = 'laptop'", Long.class);
        browser.submit("/account/tokens", "/account/tokens/" + id + "/revoke", Map.of());

        assertThat(anonymous.as("Bearer " + token.group(1)).get("/api/backlog").status()).isEqualTo(401);
        assertThat(browser.get("/account/tokens").body()).contains("revoked");
    }

    @Test
    void onlyAdminsSeeTheUserPage() {
        browser.login("ana", PASSWORD);
        assertThat(browser.get("/admin/users").statusCode()).isEqualTo(403);

        FormClient admin = new FormClient(port);
        management.create(new UserForm("root2", null, null, "admin", "human", PASSWORD));
        admin.login("root2", PASSWORD);
        assertThat(admin.get("/admin/users").body()).contains("ana");
        admin.submit("/admin/users", "/admin/users", Map.of("username", "luis", "role", "viewer", "kind", "human",
                "password", PASSWORD));

        assertThat(admin.get("/admin/users").body()).contains("luis").contains("User &#39;luis&#39; created.");
        assertThat(jdbc.queryForObject("select role from users where username = 'luis'", String.class)).isEqualTo("viewer");
    }

    @Test
    void aDisabledUserIsSignedOutAtTheNextRequest() {
        browser.login("ana", PASSWORD);
        assertThat(browser.get("/account/tokens").statusCode()).isEqualTo(200);
        long id = jdbc.queryForObject("select id from users where username = 'ana'", Long.class);

        assertThat(api.send("PATCH", "/api/users/" + id, "application/json", "{\"enabled\": false}").status()).isEqualTo(200);

        assertThat(browser.get("/account/tokens").statusCode()).isEqualTo(302);
    }

    @Test
    void aChangedRoleCountsAtOnceForASignedInPerson() {
        browser.login("ana", PASSWORD);
        assertThat(browser.get("/admin/users").statusCode()).isEqualTo(403);
        long id = jdbc.queryForObject("select id from users where username = 'ana'", Long.class);

        api.send("PATCH", "/api/users/" + id, "application/json", "{\"role\": \"admin\"}");

        assertThat(browser.get("/admin/users").statusCode()).isEqualTo(200);
    }

    @Test
    void signingOutEndsTheSession() {
        browser.login("ana", PASSWORD);
        assertThat(browser.get("/account/tokens").statusCode()).isEqualTo(200);

        HttpResponse<String> logout = browser.submit("/account/tokens", "/logout", Map.of());

        assertThat(FormClient.location(logout)).endsWith("/login?logout");
        assertThat(browser.get("/account/tokens").statusCode()).isEqualTo(302);
    }
}
