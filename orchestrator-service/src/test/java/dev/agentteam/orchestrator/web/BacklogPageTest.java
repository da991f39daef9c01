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
        Browser.find("#epic-" + epic + " form[action$='/accept'] button").click();

        Browser.await(driver -> driver.findElements(By.cssSelector(".flash")).size() == 1);
        assertThat(Browser.find(".flash").getText()).contains("Story #" + story + " \"Monthly PDF\" is READY for planning.");
        assertThat(jdbc.queryForObject("select status from stories where id = ?", String.class, story)).isEqualTo("READY");
        assertThat(Browser.driver().findElements(By.cssSelector("#epic-" + epic + " form[action$='/accept']"))).isEmpty();
    }

    @Test
    void aStoryIsStartedByHandOrCancelledFromItsCardAndRetroActionsAreListed() {
        long epic = jdbc.queryForObject("insert into epics (title, created_by, status) values ('Exports', 1, 'REFINED') returning id", Long.class);
        long story = jdbc.queryForObject("insert into stories (epic_id, title, estimate, status) values (?, 'CSV export', 3, 'READY') returning id", Long.class, epic);
        long sprint = jdbc.queryForObject("insert into sprints (name, start_date, end_date, status) values ('S1', '2026-12-01', '2026-12-14', 'CLOSED') returning id", Long.class);
        jdbc.update("insert into retro_actions (sprint_id, last_sprint_id, text, dedup_key) values (?, ?, 'Write smaller stories', 'write smaller stories')", sprint, sprint);

        open("/backlog");
        assertThat(Browser.find("#retro-actions").getText()).contains("Write smaller stories", "sprint #" + sprint);
        Browser.find("[data-start-story='" + story + "']").click();
        Browser.await(driver -> driver.findElements(By.cssSelector(".form-error[role=alert]")).size() == 1);
        assertThat(Browser.find(".form-error[role=alert]").getText())
                .isEqualTo("Story " + story + " cannot start: it has no repository (its epic names none, and there is no 'demo').");

        Browser.find("[data-cancel-story='" + story + "']").click();
        Browser.await(driver -> driver.findElements(By.cssSelector(".flash")).size() == 1);
        assertThat(Browser.find(".flash").getText()).isEqualTo("Story #" + story + " \"CSV export\" is CANCELLED.");
        assertThat(Browser.find("#epic-" + epic).getText()).contains("CANCELLED");
        assertThat(jdbc.queryForObject("select status from epics where id = ?", String.class, epic)).isEqualTo("DONE");
        assertThat(Browser.driver().findElements(By.cssSelector("[data-cancel-story='" + story + "']"))).isEmpty();
    }
}
