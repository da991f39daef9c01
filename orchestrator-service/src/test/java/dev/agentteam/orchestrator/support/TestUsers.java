package dev.agentteam.orchestrator.support;

import dev.agentteam.orchestrator.security.ApiTokens;
import dev.agentteam.orchestrator.user.NewUser;
import dev.agentteam.orchestrator.user.UserAccounts;
import dev.agentteam.orchestrator.user.UserView;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.UUID;

/**
 * Credentials for tests, made through the real services (the same code as POST /api/users and /api/tokens):
 * {@code "Bearer at_…"} header values for user 1 (the admin) or for a new user of a given role and kind.
 */
public final class TestUsers {

    private final ApiTokens tokens;
    private final UserAccounts accounts;
    private final PasswordEncoder encoder;
    private final org.springframework.core.env.Environment environment;

    public TestUsers(ApplicationContext context) {
        this.tokens = context.getBean(ApiTokens.class);
        this.accounts = context.getBean(UserAccounts.class);
        this.encoder = context.getBean(PasswordEncoder.class);
        this.environment = context.getEnvironment();
    }

    /** A username and password for form login. */
    public record Login(String username, String password) {
    }

    /** A new person with {@code role} and a password, for a form login (a browser test signs in with it). */
    public Login login(String role) {
        String password = UUID.randomUUID().toString();
        String username = "person-" + role + "-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewUser(username, username, null, role, "human", encoder.encode(password)));
        return new Login(username, password);
    }

    /** A browser session (form login, cookies, CSRF) of a new person with {@code role}. */
    public FormClient signedIn(String role, int port) {
        Login login = login(role);
        FormClient browser = new FormClient(port);
        if (!FormClient.location(browser.login(login.username(), login.password())).endsWith("/")) {
            throw new IllegalStateException("the test login of " + login.username() + " failed");
        }
        return browser;
    }

    /** An Authorization header value for user 1, the bootstrap admin. */
    public String admin() {
        return bearer(1);
    }

    /** An Authorization header value for a new person with {@code role} (viewer, approver or admin). */
    public String person(String role) {
        return bearer(create(role, "human").id());
    }

    /** An Authorization header value for a new agent identity with {@code role}. */
    public String agent(String role) {
        return bearer(create(role, "agent").id());
    }

    /**
     * An Authorization header value with the configured token of the {@code role} agent ({@code dev}, ...): not a
     * user, it may only fetch the forge credentials of that agent's tasks.
     */
    public String agentToken(String role) {
        return "Bearer " + environment.getRequiredProperty("agentteam.security.agents.tokens." + role);
    }

    public UserView create(String role, String kind) {
        String username = kind + "-" + role + "-" + UUID.randomUUID().toString().substring(0, 8);
        return accounts.create(new NewUser(username, username, null, role, kind, null));
    }

    /** An Authorization header value for an existing user. */
    public String bearer(long userId) {
        return "Bearer " + tokens.create(userId, "test", null).token();
    }
}
