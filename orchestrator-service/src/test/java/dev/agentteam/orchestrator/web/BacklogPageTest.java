package dev.agentteam.orchestrator.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

class BacklogPageTest extends BrowserTest {

    @Test
    void anEpicCreatedThroughTheFormAppearsInTheBacklogBeingRefined() {
        open("/backlog");
        Browser.find("#title").sendKeys("Password reset by e-mail");
        Browser.find("#description").sendKeys("Users who forgot their password get a reset link.");
        Browser.find("#epic-form button[type=submit]").click();

        Browser.await(driver -> driver.findElements(By.cssSelector(".flash")).size() == 1);
        long epicId = jdbc.queryForObject("select id from epics where title = 'Password reset by e-mail'", Long.class);
        String card = Browser.find("#epic-" + epicId).getText();
        assertThat(card).contains("Password reset by e-mail", "REFINING", "po.refine_epic");
        assertThat(Browser.find(".flash").getText()).contains("Epic #" + epicId);
        Browser.screenshot("backlog");
    }

    @Test
    void aBlankTitleIsExplainedNextToTheFieldAndNothingIsStored() {
        open("/backlog");
        Browser.find("#title").sendKeys("   ");
        Browser.find("#description").sendKeys("Kept when the form comes back");
        Browser.find("#epic-form button[type=submit]").click();

        String error = Browser.await(driver -> driver.findElement(By.id("title-error"))).getText();
        assertThat(error).isEqualTo("Give the epic a title.");
        assertThat(Browser.find("#description").getAttribute("value")).isEqualTo("Kept when the form comes back");
        assertThat(Browser.driver().getPageSource()).doesNotContain("Exception", "problem+json");
        assertThat(jdbc.queryForObject("select count(*) from epics", Long.class)).isZero();
        Browser.screenshot("backlog-validation-error");
    }

    @Test
    void storiesShowTheirCriteriaEstimatePriorityAndTasks() {
        long epic = jdbc.queryForObject("insert into epics (title, created_by, status) values ('Checkout', 1, 'REFINED') returning id", Long.class);
        long story = jdbc.queryForObject("""
                insert into stories (epic_id, title, statement, acceptance_criteria, estimate, priority, status)
                values (?, 'Pay by card', 'As a buyer I want to pay by card',
                        '[{"given": "a Visa card", "when": "I pay", "then": "the order is confirmed"},
                          {"given": "a declined card", "when": "I pay", "then": "the reason is explained"}]', 8, 1, 'READY')
                returning id""", Long.class, epic);
        jdbc.update("insert into tasks (story_id, epic_id, type, assigned_to, status, trace_id) values (?, ?, 'dev.implement_story', 'dev', 'RUNNING', 't')", story, epic);

        open("/backlog");

        String card = Browser.find("#epic-" + epic).getText();
        assertThat(card).contains("Pay by card", "Given a Visa card, when I pay, then the order is confirmed",
                "Given a declined card, when I pay, then the reason is explained", "8 pts", "P1",
                "READY", "dev.implement_story", "RUNNING");
    }

    @Test
    void aProposedStoryIsAcceptedIntoTheBacklog() {
        long epic = jdbc.queryForObject("insert into epics (title, created_by, status) values ('Reports', 1, 'REFINED') returning id", Long.class);
        long story = jdbc.queryForObject("insert into stories (epic_id, title, estimate, status) values (?, 'Monthly PDF', 5, 'PROPOSED') returning id", Long.class, epic);

        open("/backlog");
        Browser.find("#epic-" + epic + " form button").click();

        Browser.await(driver -> driver.findElements(By.cssSelector(".flash")).size() == 1);
        assertThat(Browser.find(".flash").getText()).contains("Story #" + story + " \"Monthly PDF\" is READY for planning.");
        assertThat(jdbc.queryForObject("select status from stories where id = ?", String.class, story)).isEqualTo("READY");
        assertThat(Browser.driver().findElements(By.cssSelector("#epic-" + epic + " form"))).isEmpty();
    }
}
