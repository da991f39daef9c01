package dev.agentteam.orchestrator.security;

import dev.agentteam.orchestrator.support.FormClient;
import dev.agentteam.orchestrator.support.IntegrationTest;
import dev.agentteam.orchestrator.support.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One rule set for the API and the UI (issue 13, attack 2: a viewer could post the UI's forms). Walks every mapped
 * endpoint and form with every role and checks each answer against the table below — written here from the
 * product's rules, not read from the code under test.
 */
class AccessRulesTest extends IntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    /** Paths with their own protection (forge tokens, HMAC) or none (login, errors, API documents). */
    private static final List<String> OWN_PROTECTION = List.of("/api/forge/", "/git/", "/webhooks/", "/error",
            "/login", "/v3/api-docs", "/swagger-ui");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    enum Role {
        VIEWER, APPROVER_AGENT, APPROVER, ADMIN,
        /** An agent's configured token (agentteam.security.agents.tokens.dev): it fetches task credentials only. */
        AGENT
    }

    record Endpoint(String method, String path) {
        boolean isApi() {
            return path.startsWith("/api/");
        }
    }

    /** The least a caller needs, from the product's rules (docs/security.md). */
    static boolean allowed(Role role, Endpoint endpoint) {
        String path = endpoint.path();
        boolean read = endpoint.method().equals("GET") || endpoint.method().equals("HEAD");
        if (path.matches("(/api)?/pull-requests/[^/]+/(approve|reject|merge)") && !read) {
            return role == Role.APPROVER || role == Role.ADMIN;
        }
        if (endpoint.method().equals("POST") && path.matches("/api/tasks/[^/]+/forge-credential")) {
            return role == Role.AGENT;
        }
        if (role == Role.AGENT) {
            return false;
        }
        if (path.startsWith("/api/users") || path.startsWith("/admin")
                || (endpoint.method().equals("PUT") && path.matches("/api/repositories/[^/]+/quality"))
                || (endpoint.method().equals("POST") && path.matches("/repositories/[^/]+/quality"))
                || path.matches("/api/repositories/[^/]+/forge-credentials(/[^/]+)?")) {
            return role == Role.ADMIN;
        }
        if (path.startsWith("/api/tokens") || path.startsWith("/account") || read) {
            return true;
        }
        return role != Role.VIEWER;
    }

    @Test
    void everyEndpointAndFormAnswersEachRoleAsTheRulesSay() {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).as("the walk must cover the application").hasSizeGreaterThan(40)
                .contains(new Endpoint("POST", "/backlog/epics"), new Endpoint("POST", "/api/epics"),
                        new Endpoint("POST", "/pull-requests/999999/merge"));
        Map<Role, TestApi> apis = Map.of(Role.VIEWER, anonymous.as(users.person("viewer")),
                Role.APPROVER_AGENT, anonymous.as(users.agent("approver")),
                Role.APPROVER, anonymous.as(users.person("approver")), Role.ADMIN, api,
                Role.AGENT, anonymous.as(users.agentToken("dev")));
        Map<Role, FormClient> browsers = Map.of(Role.VIEWER, users.signedIn("viewer", port),
                Role.APPROVER, users.signedIn("approver", port), Role.ADMIN, users.signedIn("admin", port));
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            int anonymousStatus = endpoint.isApi() ? anonymous.send(endpoint.method(), endpoint.path(), null, null).status()
                    : new FormClient(port).send(request(endpoint, null)).statusCode();
            // The API says 401; a page sends the browser to the login page; a form post without a session's CSRF
            // token is refused with 403 before anything else.
            if (!(endpoint.isApi() ? Set.of(401) : Set.of(302, 403)).contains(anonymousStatus)) {
                wrong.add("anonymous " + endpoint + " → " + anonymousStatus);
            }
            for (Role role : Role.values()) {
                Integer status = endpoint.isApi()
                        ? Integer.valueOf(apis.get(role).send(endpoint.method(), endpoint.path(), null, null).status())
                        : browsers.containsKey(role) ? browse(browsers.get(role), endpoint) : null;
                if (status == null) {
                    continue;
                }
                boolean refused = status == 401 || status == 403;
                if (refused == allowed(role, endpoint)) {
                    wrong.add(role + " " + endpoint + " → " + status);
                }
            }
        }
        assertThat(wrong).as("answers that break the rules").isEmpty();
    }

    @Test
    void aViewersFormPostsChangeNothing() {
        jdbc.update("insert into epics (title, created_by) values ('e', 1)");
        long blocked = jdbc.queryForObject("insert into tasks (type, assigned_to, status, trace_id) "
                + "values ('po.refine_epic', 'po', 'BLOCKED', 't') returning id", Long.class);
        long clarification = jdbc.queryForObject("""
                insert into clarifications (task_id, questions, status) values (?, '["why?"]'::jsonb, 'OPEN') returning id""",
                Long.class, blocked);
        long dead = jdbc.queryForObject("insert into tasks (type, assigned_to, status, trace_id) "
                + "values ('dev.implement_story', 'dev', 'DEAD', 't') returning id", Long.class);
        FormClient viewer = users.signedIn("viewer", port);

        assertThat(post(viewer, "/backlog/epics", Map.of("title", "Viewer's epic"))).isEqualTo(403);
        assertThat(post(viewer, "/sprints", Map.of("start", "2026-12-01", "end", "2026-12-14", "capacityPoints", "5")))
                .isEqualTo(403);
        assertThat(post(viewer, "/clarifications/" + clarification + "/answer", Map.of("answer", "because")))
                .isEqualTo(403);
        assertThat(post(viewer, "/agents/dead-letters/" + dead + "/requeue", Map.of())).isEqualTo(403);

        assertThat(jdbc.queryForObject("select count(*) from epics", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from sprints", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select status from clarifications where id = ?", String.class, clarification))
                .isEqualTo("OPEN");
        assertThat(jdbc.queryForObject("select status from tasks where id = ?", String.class, dead)).isEqualTo("DEAD");
    }

    private List<Endpoint> endpoints() {
        Set<Endpoint> found = new TreeSet<>((a, b) -> (a.path() + " " + a.method()).compareTo(b.path() + " " + b.method()));
        mappings.getHandlerMethods().keySet().forEach(info -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (OWN_PROTECTION.stream().anyMatch(pattern::startsWith)) {
                    continue;
                }
                String path = pattern.replaceAll("\\{[^}]+}", "999999");
                if (methods.isEmpty()) {
                    found.add(new Endpoint("GET", path));
                }
                methods.forEach(method -> found.add(new Endpoint(method.name(), path)));
            }
        });
        return List.copyOf(found);
    }

    private int browse(FormClient browser, Endpoint endpoint) {
        String csrf = null;
        if (!endpoint.method().equals("GET")) {
            Matcher token = CSRF.matcher(browser.get("/account/tokens").body());
            assertThat(token.find()).isTrue();
            csrf = token.group(1);
        }
        return browser.send(request(endpoint, csrf)).statusCode();
    }

    private HttpRequest request(Endpoint endpoint, String csrf) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + endpoint.path()))
                .header("Accept", "text/html");
        if (endpoint.method().equals("GET")) {
            return request.GET().build();
        }
        return request.header("Content-Type", "application/x-www-form-urlencoded")
                .method(endpoint.method(), HttpRequest.BodyPublishers.ofString(csrf == null ? "" : "_csrf=" + csrf))
                .build();
    }

    private static int post(FormClient browser, String path, Map<String, String> fields) {
        return browser.submit("/account/tokens", path, fields).statusCode();
    }
}
