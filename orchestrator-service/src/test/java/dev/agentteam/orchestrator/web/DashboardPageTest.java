package dev.agentteam.orchestrator.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardPageTest extends BrowserTest {

    @Test
    void showsTasksInFlightAndTheCurrentSprint() {
        long epic = jdbc.queryForObject("insert into epics (title, created_by, status) values ('Password reset', 1, 'REFINED') returning id", Long.class);
        long story = jdbc.queryForObject("insert into stories (epic_id, title, estimate, status) values (?, 'Reset link by e-mail', 5, 'IN_PROGRESS') returning id", Long.class, epic);
        long task = jdbc.queryForObject("insert into tasks (story_id, epic_id, type, assigned_to, status, trace_id) values (?, ?, 'dev.implement_story', 'dev', 'QUEUED', 't1') returning id", Long.class, story, epic);
        long sprint = jdbc.queryForObject("insert into sprints (name, start_date, end_date, status) values ('Sprint 7', date '2026-11-23', date '2026-12-04', 'ACTIVE') returning id", Long.class);
        jdbc.update("insert into sprint_stories (sprint_id, story_id) values (?, ?)", sprint, story);

        var driver = open("/");

        assertThat(driver.getTitle()).isEqualTo("Dashboard · agent-team");
        assertThat(Browser.find("#active-tasks").getText()).contains("#" + task, "dev.implement_story", "Reset link by e-mail", "QUEUED");
        assertThat(Browser.find("#kpi-tasks").getText()).isEqualTo("1");
        assertThat(driver.getPageSource()).contains("Sprint 7", "0 / 5 points done");
        Browser.screenshot("dashboard");
    }
}
