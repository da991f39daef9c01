package dev.agentteam.orchestrator.web;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.agentteam.orchestrator.support.FormClient;
import dev.agentteam.orchestrator.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The repository page's Definition-of-Done checks, as a signed-in person's browser gets and posts them (the form's
 * HTML and its CSRF token): everyone sees them, an admin edits them, a refusal reads as a sentence on the page.
 */
class RepositoryQualityFormTest extends IntegrationTest {

    private long id;
    private String page;

    @BeforeEach
    void demoRepository() {
        jdbc.update("delete from pr_records");
        jdbc.update("update epics set repository_id = null");
        jdbc.update("delete from repositories");
        // a name of its own: the forge's directories outlive the rows
        var created = api.postJson("/api/repositories", "{\"name\": \"quality-" + Long.toString(System.nanoTime(), 36)
                + "\", \"source\": {\"type\": \"template\", \"template\": \"demo-python\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        id = created.json().path("id").asLong();
        page = "/repositories/" + id;
    }

    @AfterEach
    void removeRepository() {
        // the code index reads the new repository in the background: let it finish before its rows go (a clock wait:
        // the index runs on its own executor and announces no event)
        await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.queryForObject(
                "select count(*) from index_states where status in ('QUEUED', 'INDEXING')", Integer.class) == 0);
        jdbc.update("delete from repositories");
    }

    @Test
    void everyoneSeesTheChecksAndAnAdminEditsThemWithReadableRefusals() {
        FormClient admin = users.signedIn("admin", port());
        String shown = admin.get(page).body();
        assertThat(row(shown, "tests")).contains("python3 -m unittest discover -s tests -v", "required");
        assertThat(row(shown, "lint")).contains("python3 tools/lint.py textstats tests tools", "not required");
        assertThat(row(shown, "coverage")).contains("python3 tools/coverage.py textstats", "(minimum 80.0%)");
        assertThat(row(shown, "security")).contains("python3 tools/security_scan.py textstats");
        assertThat(shown).contains("id=\"quality-form\"", "value=\"python3 tools/lint.py textstats tests tools\"");

        Map<String, String> form = new LinkedHashMap<>(Map.of("lint_command", "python3 tools/lint.py textstats tests tools",
                "coverage_command", "python3 tools/coverage.py textstats", "coverage_threshold", "150",
                "security_command", "python3 tools/security_scan.py textstats"));
        assertThat(post(admin, form)).isEqualTo("The checks were not saved: coverage_threshold must be a percentage between 0 and 100.");
        form.put("coverage_threshold", "lots");
        assertThat(post(admin, form)).isEqualTo("The checks were not saved: coverage_threshold must be a number between 0 and 100, not 'lots'.");
        form.put("coverage_threshold", "90");
        form.put("security_command", "");
        form.put("required_checks", "security");
        assertThat(post(admin, form)).isEqualTo("The checks were not saved: required_checks names security but no security_command is set.");
        form.put("lint_command", "x".repeat(1001));
        assertThat(post(admin, form)).startsWith("The checks were not saved: lint_command size must be between 0 and 1000");
        assertThat(repository().path("coverage_threshold").asDouble()).as("nothing saved yet").isEqualTo(80.0);

        form.put("lint_command", "python3 tools/lint.py textstats tests tools");
        form.put("required_checks", "lint");
        assertThat(post(admin, form)).isEqualTo("Saved: the next CI run uses these checks; the merge gate requires lint green.");
        String after = admin.get(page).body();
        assertThat(row(after, "lint")).contains("required").doesNotContain("not required");
        assertThat(row(after, "security")).contains("not configured");
        assertThat(row(after, "coverage")).contains("(minimum 90.0%)");
        JsonNode saved = repository();
        assertThat(saved.path("required_checks").toString()).isEqualTo("[\"lint\"]");
        assertThat(saved.path("coverage_threshold").asDouble()).isEqualTo(90.0);
        assertThat(saved.path("security_command").isMissingNode() || saved.path("security_command").isNull()).isTrue();
    }

    @Test
    void anApproverSeesTheChecksButNoFormAndCannotPostOne() {
        FormClient approver = users.signedIn("approver", port());
        String shown = approver.get(page).body();
        assertThat(row(shown, "lint")).contains("python3 tools/lint.py textstats tests tools");
        assertThat(shown).doesNotContain("quality-form");

        assertThat(approver.submit(page, page + "/quality", Map.of("lint_command", "true")).statusCode()).isEqualTo(403);
        assertThat(repository().path("lint_command").asString()).isEqualTo("python3 tools/lint.py textstats tests tools");
    }

    /** Posts the form as the page would, then reads the message the page shows after the redirect. */
    private String post(FormClient browser, Map<String, String> fields) {
        var answer = browser.submit(page, page + "/quality", fields);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        assertThat(FormClient.location(answer)).endsWith(page + "#quality");
        String shown = browser.get(page).body();
        var message = java.util.regex.Pattern.compile("<div[^>]*class=\"(?:flash|form-error)\"[^>]*>([^<]*)</div>").matcher(shown);
        assertThat(message.find()).as(shown).isTrue();
        return org.springframework.web.util.HtmlUtils.htmlUnescape(message.group(1)).strip();
    }

    private static String row(String html, String check) {
        int start = html.indexOf("id=\"quality-" + check + "\"");
        assertThat(start).as("row " + check).isNotNegative();
        return html.substring(start, html.indexOf("</tr>", start)).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
    }

    private JsonNode repository() {
        return api.get("/api/repositories/" + id).json();
    }

    private int port() {
        return URI.create(api.baseUrl()).getPort();
    }
}
