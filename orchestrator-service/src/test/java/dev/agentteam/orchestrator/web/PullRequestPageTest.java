package dev.agentteam.orchestrator.web;

import dev.agentteam.orchestrator.support.ForgeClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PullRequestPageTest extends BrowserTest {

    @TempDir
    Path work;

    @Test
    void showsTheColouredDiffChecksConversationAndWhyMergingIsBlocked() throws Exception {
        DemoPullRequest pr = DemoPullRequest.open(api, jdbc, work, "[ISSUE-%d] Shout", "Adds shout");
        String name = pr.repository();
        long story = pr.story();
        int number = pr.number();
        String forge = pr.forge();
        String sha = pr.sha();
        api.send("POST", forge + "/pulls/" + number + "/comments", "application/json",
                "{\"body\": \"Looks small and safe.\"}", ForgeClient.AGENT_TOKEN);
        api.send("POST", forge + "/commits/" + sha + "/statuses", "application/json",
                "{\"context\": \"ci/tests\", \"state\": \"failure\", \"description\": \"2 of 14 tests failed\"}", ForgeClient.AGENT_TOKEN);

        long prId = pr.id();
        jdbc.update("""
                insert into tasks (type, assigned_to, status, trace_id, story_id, payload, result, attempt_count)
                values ('dev.address_review', 'dev', 'SUCCEEDED', 't', ?, jsonb_build_object('pull_request', jsonb_build_object('id', ?)),
                        '{"head_sha": "0123456789abcdef0123456789abcdef01234567"}'::jsonb, 1)""", story, prId);

        open("/pull-requests/" + prId);

        assertThat(Browser.find("#change-rounds").getText()).contains("Round 1", "review comments", "SUCCEEDED", "→ 0123456789ab");
        List<WebElement> added = Browser.driver().findElements(By.cssSelector("#diff .line.add"));
        assertThat(added).extracting(WebElement::getText).contains("+def shout(text):", "+    return text.upper()");
        assertThat(added.get(0).getCssValue("background-color")).isEqualTo("rgba(230, 246, 236, 1)");
        assertThat(Browser.find("#diff .line.file").getText()).isEqualTo("textstats/extra.py");
        assertThat(Browser.find("#checks").getText()).contains("ci/tests", "2 of 14 tests failed", "FAILURE");
        assertThat(Browser.find("#conversation").getText()).contains("Looks small and safe.");
        // Signed in as an admin who does not own the epic: approving is open, merging waits for green CI.
        assertThat(Browser.driver().findElements(By.cssSelector("#merge-gate button"))).hasSize(3);
        assertThat(Browser.find("#approve").isEnabled()).isTrue();
        assertThat(Browser.find("#merge").isEnabled()).isFalse();
        assertThat(Browser.find("#blocked-because").getText()).startsWith("Blocked: CI is green (CI ");
        assertThat(Browser.find("#merge-gate").getText()).contains("The approver is not the epic's owner", "the epic's owner is admin");
        Browser.screenshot("pull-request");

        open("/pull-requests");
        assertThat(Browser.find("#pr-list").getText()).contains(name + "#" + number, "[ISSUE-" + story + "] Shout");
        open("/");
        assertThat(Browser.find("#kpi-prs").getText()).isEqualTo("1");
        Browser.screenshot("dashboard-with-pr");
    }

    @Test
    void aPersonApprovesAndMergesAGreenReviewedPullRequestFromThePage() throws Exception {
        DemoPullRequest pr = DemoPullRequest.open(api, jdbc, work, "Shout", null);
        long story = pr.story();
        int number = pr.number();
        String forge = pr.forge();
        String sha = pr.sha();
        api.send("POST", forge + "/commits/" + sha + "/statuses", "application/json",
                "{\"context\": \"ci/tests\", \"state\": \"success\"}", ForgeClient.AGENT_TOKEN);
        api.send("POST", forge + "/pulls/" + number + "/reviews", "application/json",
                "{\"summary\": \"Fine.\", \"comments\": []}", ForgeClient.AGENT_TOKEN);
        long id = pr.id();

        open("/pull-requests/" + id);
        assertThat(Browser.find("#merge").isEnabled()).isFalse();
        Browser.find("#approve").click();
        // the form posts and the page reloads: wait for the new page rather than read the one being left
        Browser.await(driver -> Browser.find("#merge-gate").getText().contains("Approved.") ? Boolean.TRUE : null);
        assertThat(Browser.find("#merge-gate").getText()).contains("Approved.", "approved by " + signedIn.username());
        Browser.find("#merge").click();

        Browser.await(driver -> Browser.find("#merge-gate").getText().contains("Merged.") ? Boolean.TRUE : null);
        assertThat(Browser.find("#merge-gate").getText()).contains("Merged.");
        assertThat(jdbc.queryForObject("select status from pr_records where id = ?", String.class, id)).isEqualTo("MERGED");
        assertThat(jdbc.queryForObject("select status from stories where id = ?", String.class, story)).isEqualTo("DONE");
        Browser.screenshot("pull-request-merged");
    }
}
