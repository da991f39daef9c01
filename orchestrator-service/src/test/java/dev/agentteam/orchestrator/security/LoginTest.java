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

/** Form login, login throttling, CSRF, secure headers, the token page and the admin page. */
class LoginTest extends IntegrationTest {

    private static final String PASSWORD = "a long enough password";

    @LocalServerPort
    int port;

    @Autowired
    UserManagement management;

    FormClient browser;

    @Autowired
    LoginThrottle throttle;

    @BeforeEach
    void person() {
        throttle.clear();
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

    /**
     * Issue 13: the lock let anyone lock an account, told which usernames exist and parked a thread. Now failures
     * are throttled in memory, alike for real and unknown names, and the database is never written.
     */
    @Test
    void repeatedWrongPasswordsAreThrottledAlikeForRealAndUnknownUsers() {
        for (String username : java.util.List.of("ana", "nobody")) {
            for (int i = 1; i <= 5; i++) {
                assertThat(FormClient.location(browser.login(username, "wrong " + i))).endsWith("/login?error");
                assertThat(browser.get("/login?error").body()).contains("Wrong username or password.");
            }
            browser.login(username, PASSWORD);
            assertThat(browser.get("/login?error").body()).contains("Too many failed attempts; try again in 3 minutes.");
        }
        // Throttled: even the right password is not tried, and nothing was written about the account.
        assertThat(browser.get("/account/tokens").statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForObject("select failed_login_count from users where username = 'ana'", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject("select locked_until is null from users where username = 'ana'", Boolean.class))
                .isTrue();
        // The same person from another address is not locked out.
        assertThat(throttle.waitBefore("ana", "192.0.2.7")).isZero();

        throttle.clear();
        assertThat(FormClient.location(browser.login("ana", PASSWORD))).doesNotContain("error");
    }

    @Test
    void aSuccessfulLoginRefillsThePersonsOwnAllowance() {
        for (int i = 1; i <= 4; i++) {
            browser.login("ana", "wrong " + i);
        }
        assertThat(FormClient.location(browser.login("ana", PASSWORD))).doesNotContain("error");

        FormClient other = new FormClient(port);
        for (int i = 1; i <= 4; i++) {
            other.login("ana", "wrong again " + i);
        }
        assertThat(other.get("/login?error").body()).contains("Wrong username or password.");
    }

    @Test
    void aPasswordLongerThanBcryptTakesIsAWrongPasswordNotAnError() {
        HttpResponse<String> login = browser.login("ana", "x".repeat(100));

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(FormClient.location(login)).endsWith("/login?error");
        assertThat(browser.get("/login?error").body()).contains("Wrong username or password.");
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
