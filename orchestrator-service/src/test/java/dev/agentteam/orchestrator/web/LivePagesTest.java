package dev.agentteam.orchestrator.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentteam.orchestrator.support.TestApi.Reply;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Markdown on the pages, safely, and pages that follow the work without a reload: a marker set in the page's
 * window survives every update, so the new content came through the live stream, not a navigation.
 */
class LivePagesTest extends BrowserTest {

    private static final String HOSTILE_BODY = """
            ## Summary
            Adds `shout`. <script>window.xss = 'script'</script>

            | check | result |
            |---|---|
            | tests | green |

            - [x] tests pass
            - [ ] lint: not configured

            [harmless](https://example.org/docs) [js](javascript:window.xss='link') [mixed](JaVaScRiPt:window.xss='mixed')
            <img src=x onerror="window.xss='img'"> ![pic](x" onerror="window.xss='alt')
            """;

    @TempDir
    Path work;

    @Test
    void aPullRequestShowsMarkdownSafelyAndFollowsCommentsAndChecksLive() throws Exception {
        DemoPullRequest pr = DemoPullRequest.open(api, jdbc, work, "Shout", HOSTILE_BODY);

        open("/pull-requests/" + pr.id());
        awaitLive();

        assertThat(Browser.find("#pr-body h2").getText()).isEqualTo("Summary");
        assertThat(Browser.find("#pr-body table").getText()).contains("tests", "green");
        assertThat(Browser.driver().findElements(By.cssSelector("#pr-body input[type=checkbox]:checked"))).hasSize(1);
        assertThat(Browser.driver().findElements(By.cssSelector("#pr-body input[type=checkbox]"))).hasSize(2);
        assertThat(Browser.driver().findElements(By.cssSelector("#pr-body a")))
                .extracting(a -> a.getAttribute("href")).containsExactly("https://example.org/docs");
        assertThat(Browser.driver().findElements(By.cssSelector("#pr-body img, #pr-body script"))).isEmpty();
        assertThat(Browser.find("#pr-body").getText()).contains("<script>window.xss = 'script'</script>", "js", "mixed");
        assertThat(js("return window.xss === undefined")).isEqualTo(Boolean.TRUE);
        Browser.screenshot("pull-request-markdown");

        js("window.stayed = 'yes'");
        Reply comment = pr.post(api, "/pulls/" + pr.number() + "/comments", "{\"body\": \"Please **rename** `shout`:\\n\\n- [ ] rename\"}");
        assertThat(comment.status()).as(comment.body()).isEqualTo(201);
        Browser.await(driver -> driver.findElements(By.cssSelector("#conversation .md strong")).size() == 1 ? Boolean.TRUE : null);
        assertThat(Browser.find("#conversation .md strong").getText()).isEqualTo("rename");
        pr.post(api, "/commits/" + pr.sha() + "/statuses", "{\"context\": \"agent-team/lint\", \"state\": \"success\", \"description\": \"no findings\"}");
        Browser.await(driver -> Browser.find("#checks").getText().contains("agent-team/lint") ? Boolean.TRUE : null);
        assertThat(js("return window.stayed")).as("updated in place, not reloaded").isEqualTo("yes");
    }

    @Test
    void theStoryAndTheBacklogFollowTheWorkLive() {
        long epic = jdbc.queryForObject("insert into epics (title, created_by, status) values ('Reports', 1, 'REFINED') returning id", Long.class);
        long story = jdbc.queryForObject("""
                insert into stories (epic_id, title, statement, status) values (?, 'Monthly CSV',
                'As a *team lead* I want a [CSV](javascript:alert(1)) export', 'READY') returning id""", Long.class, epic);

        open("/stories/" + story);
        awaitLive();
        assertThat(Browser.find("#story-statement em").getText()).isEqualTo("team lead");
        assertThat(Browser.driver().findElements(By.cssSelector("#story-statement a"))).isEmpty();
        js("window.stayed = 'yes'");
        jdbc.update("update stories set status = 'IN_PROGRESS' where id = ?", story);
        jdbc.update("insert into tasks (story_id, epic_id, type, assigned_to, status, trace_id) values (?, ?, 'dev.implement_story', 'dev', 'RUNNING', 't1')",
                story, epic);
        Browser.await(driver -> Browser.find("#story-live .page-head .badge").getText().equals("IN_PROGRESS") ? Boolean.TRUE : null);
        Browser.await(driver -> Browser.find("#story-live").getText().contains("dev.implement_story") ? Boolean.TRUE : null);
        assertThat(js("return window.stayed")).isEqualTo("yes");

        open("/backlog");
        awaitLive();
        js("window.stayed = 'yes'");
        jdbc.update("insert into stories (epic_id, title, status) values (?, 'Yearly PDF', 'PROPOSED')", epic);
        Browser.await(driver -> Browser.find("#epic-" + epic).getText().contains("Yearly PDF") ? Boolean.TRUE : null);
        assertThat(js("return window.stayed")).isEqualTo("yes");
        Browser.screenshot("backlog-live");
    }

    private static void awaitLive() {
        Browser.await(driver -> Browser.find("#live-status").getText().contains("live") ? Boolean.TRUE : null);
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) Browser.driver()).executeScript(script);
    }
}
