package dev.agentteam.orchestrator.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

class SprintPagesTest extends BrowserTest {

    @Test
    void aSprintPlannedThroughTheFormShowsItsStoriesInColumnsByStatus() {
        long epic = jdbc.queryForObject("insert into epics (title, created_by, status) values ('Accounts', 1, 'REFINED') returning id", Long.class);
        long login = story(epic, "Log in", 3, "READY");
        long logout = story(epic, "Log out", 1, "READY");

        open("/sprints");
        setDate("#start", "2026-12-01");
        setDate("#end", "2026-12-14");
        Browser.find("#name").sendKeys("Sprint 1");
        Browser.find("#capacityPoints").sendKeys("10");
        Browser.find("input[type=checkbox][value='" + login + "']").click();
        Browser.find("input[type=checkbox][value='" + logout + "']").click();
        Browser.find("#sprint-form button[type=submit]").click();

        Browser.await(driver -> driver.findElements(By.id("board")).size() == 1);
        assertThat(Browser.find(".flash").getText()).contains("\"Sprint 1\" is planned with 2 stories.");
        assertThat(Browser.find("#col-READY").getText()).contains("Log in", "Log out");
        assertThat(Browser.find("main").getText()).contains("4 points planned of 10 capacity", "PLANNED");

        jdbc.update("update stories set status = 'DONE' where id = ?", login);
        open("/sprints/" + jdbc.queryForObject("select id from sprints", Long.class));
        assertThat(Browser.find("#col-DONE").getText()).contains("Log in");
        assertThat(Browser.find("#col-READY").getText()).doesNotContain("Log in").contains("Log out");
        assertThat(Browser.find("main").getText()).contains("3 done (75%)");
        Browser.screenshot("sprint-board");

        open("/sprints");
        assertThat(Browser.find("#sprint-list").getText()).contains("Sprint 1", "PLANNED", "2026-12-01 → 2026-12-14");
        Browser.screenshot("sprints");
    }

    @Test
    void anEndBeforeTheStartIsExplainedOnTheForm() {
        open("/sprints");
        setDate("#start", "2026-12-14");
        setDate("#end", "2026-12-01");
        Browser.find("#capacityPoints").sendKeys("5");
        Browser.find("#sprint-form button[type=submit]").click();

        WebElement error = Browser.await(driver -> driver.findElement(By.cssSelector("#sprint-form .form-error")));
        assertThat(error.getText()).isEqualTo("end (2026-12-01) is before start (2026-12-14).");
        assertThat(jdbc.queryForObject("select count(*) from sprints", Long.class)).isZero();
    }

    @Test
    void theMetricsPageDrawsWhatTheReportHasAndSaysNoDataForTheRest() {
        long task = jdbc.queryForObject("insert into tasks (type, assigned_to, status, trace_id) values ('po.refine_epic', 'po', 'SUCCEEDED', 't') returning id", Long.class);
        jdbc.update("""
                insert into agent_logs (agent, task_id, prompt, response, input_tokens, output_tokens, cost_usd)
                values ('po', ?, 'p', 'r', 5000, 700, 0.02), ('dev', ?, 'p', 'r', 9000, 1500, 0.05)""", task, task);

        open("/metrics");

        Browser.await(driver -> !driver.findElements(By.cssSelector("[data-chart=tokens_by_agent] svg")).isEmpty());
        assertThat(Browser.find("[data-chart=cost_by_agent]").findElements(By.tagName("svg"))).isNotEmpty();
        assertThat(Browser.find("[data-chart=tasks_by_outcome]").findElements(By.tagName("svg"))).isNotEmpty();
        assertThat(Browser.find("[data-chart=lead_time_hours]").getText()).isEqualTo("No data yet.");
        assertThat(Browser.find("[data-chart=tokens_by_agent]").getText()).contains("po", "dev");
        Browser.screenshot("metrics");
    }

    @Test
    void theCapacityPlannerPicksStoriesAndTheSprintIsStartedClosedAndGetsItsRetro() {
        long epic = jdbc.queryForObject("insert into epics (title, created_by, status) values ('Billing', 1, 'REFINED') returning id", Long.class);
        long invoice = jdbc.queryForObject("insert into stories (epic_id, title, estimate, priority, status) values (?, 'Send invoice', 3, 1, 'READY') returning id", Long.class, epic);
        jdbc.update("insert into stories (epic_id, title, estimate, priority, status) values (?, 'Dunning', 5, 2, 'READY')", epic);

        open("/sprints");
        setDate("#start", "2026-12-01");
        setDate("#end", "2026-12-14");
        Browser.find("#name").sendKeys("Sprint 2");
        Browser.find("#capacityPoints").sendKeys("4");
        Browser.find("#sprint-form button[type=submit]").click();

        Browser.await(driver -> driver.findElements(By.id("board")).size() == 1);
        assertThat(Browser.find("#col-READY").getText()).contains("Send invoice").doesNotContain("Dunning");
        assertThat(Browser.find("#plan").getText()).contains("Selected", "(3 of 4 points)", "Send invoice", "Left out");
        long sprint = jdbc.queryForObject("select id from sprints", Long.class);
        assertThat(jdbc.queryForList("select story_id from sprint_stories where sprint_id = ?", Long.class, sprint))
                .containsExactly(invoice);

        Browser.find("#start-sprint").click();
        Browser.await(driver -> driver.findElements(By.id("close-sprint")).size() == 1);
        assertThat(Browser.find(".flash").getText()).isEqualTo("\"Sprint 2\" is started.");
        Browser.find("#close-sprint").click();
        Browser.await(driver -> driver.findElements(By.id("retro")).size() == 1);
        assertThat(Browser.find("#retro").getText()).contains("The Scrum agent is writing the retrospective");
        assertThat(jdbc.queryForObject("select status from sprints where id = ?", String.class, sprint)).isEqualTo("CLOSED");

        long retroTask = jdbc.queryForObject("select retro_task_id from sprints where id = ?", Long.class, sprint);
        jdbc.update("update tasks set status = 'DEAD' where id = ?", retroTask);
        open("/sprints/" + sprint);
        Browser.find("#request-retro").click();
        Browser.await(driver -> driver.findElements(By.cssSelector(".flash")).size() == 1);
        assertThat(jdbc.queryForObject("select retro_task_id from sprints where id = ?", Long.class, sprint)).isNotEqualTo(retroTask);
        assertThat(Browser.find("#retro").getText()).contains("The Scrum agent is writing the retrospective");

        jdbc.update("""
                update sprints set retro = '{"summary": "Invoices shipped on time.", "went_well": ["Small stories"],
                                            "to_improve": ["Flaky e-mail test"], "actions": ["Quarantine flaky tests"]}'
                where id = ?""", sprint);
        open("/sprints/" + sprint);
        assertThat(Browser.find("#retro").getText()).contains("Invoices shipped on time.", "Small stories",
                "Flaky e-mail test", "Quarantine flaky tests");
        Browser.screenshot("sprint-retro");
    }

    private long story(long epic, String title, int estimate, String status) {
        return jdbc.queryForObject("insert into stories (epic_id, title, estimate, status) values (?, ?, ?, ?) returning id",
                Long.class, epic, title, estimate, status);
    }

    /** Date inputs take keyboard input in the locale's order; setting the value is locale-proof. */
    private static void setDate(String css, String isoDate) {
        ((org.openqa.selenium.JavascriptExecutor) Browser.driver())
                .executeScript("arguments[0].value = arguments[1];", Browser.find(css), isoDate);
    }
}
