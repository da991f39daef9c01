package dev.agentteam.orchestrator.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentteam.orchestrator.support.ForgeClient;
import dev.agentteam.orchestrator.support.TestApi.Reply;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
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
        jdbc.execute("truncate repositories restart identity cascade");
        String name = "ui-live-" + System.nanoTime();
        Reply created = api.postJson("/api/repositories",
                "{\"name\": \"" + name + "\", \"source\": {\"type\": \"template\", \"template\": \"demo-python\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long epic = jdbc.queryForObject("insert into epics (title, created_by) values ('Text tools', 1) returning id", Long.class);
        long story = jdbc.queryForObject("insert into stories (epic_id, title, status) values (?, 'Shout', 'IN_PROGRESS') returning id", Long.class, epic);
        String sha;
        try (Git git = ForgeClient.cloneRepository(created.json().path("clone_url").asString(), ForgeClient.AGENT_TOKEN,
                work.resolve("clone"))) {
            sha = ForgeClient.commitFile(git, "textstats/extra.py", "def shout(text):\n    return text.upper()\n", "Add shout");
            ForgeClient.push(git, ForgeClient.AGENT_TOKEN, "HEAD:refs/heads/feature/ISSUE-" + story);
        }
        String forge = "/api/forge/repos/agentteam/" + name;
        Reply opened = api.send("POST", forge + "/pulls", "application/json", "{\"head\": \"feature/ISSUE-" + story
                + "\", \"base\": \"main\", \"title\": \"Shout\", \"body\": " + json(HOSTILE_BODY) + "}", ForgeClient.AGENT_TOKEN);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        int number = opened.json().path("number").asInt();

        open("/pull-requests/" + opened.json().path("id").asLong());
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
        Reply comment = api.send("POST", forge + "/pulls/" + number + "/comments", "application/json",
                "{\"body\": \"Please **rename** `shout`:\\n\\n- [ ] rename\"}", ForgeClient.AGENT_TOKEN);
        assertThat(comment.status()).as(comment.body()).isEqualTo(201);
        Browser.await(driver -> driver.findElements(By.cssSelector("#conversation .md strong")).size() == 1 ? Boolean.TRUE : null);
        assertThat(Browser.find("#conversation .md strong").getText()).isEqualTo("rename");
        api.send("POST", forge + "/commits/" + sha + "/statuses", "application/json",
                "{\"context\": \"agent-team/lint\", \"state\": \"success\", \"description\": \"no findings\"}", ForgeClient.AGENT_TOKEN);
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

    private static String json(String text) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(text);
    }
}
