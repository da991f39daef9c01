package dev.agentteam.orchestrator.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

class ClarificationsPageTest extends BrowserTest {

    @Test
    void answeringAQuestionResumesTheBlockedTask() {
        long task = blockedTask();
        long clarification = jdbc.queryForObject("""
                insert into clarifications (task_id, questions, context)
                values (?, '["Which e-mail provider do we use?", "How long is a reset link valid?"]', 'Epic: Password reset')
                returning id""", Long.class, task);

        open("/clarifications");
        String card = Browser.find("#clarification-" + clarification).getText();
        assertThat(card).contains("#" + task, "po.refine_epic", "1. Which e-mail provider do we use?",
                "2. How long is a reset link valid?", "Epic: Password reset");
        Browser.find("#answer-" + clarification + "-0").sendKeys("Postmark");
        Browser.find("#answer-" + clarification + "-1").sendKeys("30 minutes");
        Browser.screenshot("clarifications");
        Browser.find("#clarification-" + clarification + " button").click();

        Browser.await(driver -> driver.findElements(By.cssSelector(".flash")).size() == 1);
        assertThat(Browser.find(".flash").getText()).contains("task #" + task + " (po.refine_epic) is queued again");
        assertThat(jdbc.queryForObject("select status from tasks where id = ?", String.class, task)).isEqualTo("QUEUED");
        assertThat(jdbc.queryForObject("select status from clarifications where id = ?", String.class, clarification))
                .isEqualTo("ANSWERED");
        assertThat(Browser.find("main").getText()).contains("Recently answered", "Postmark", "30 minutes");
    }

    @Test
    void aBlankAnswerIsExplainedAndTheOtherAnswersAreKept() {
        long task = blockedTask();
        long clarification = jdbc.queryForObject("""
                insert into clarifications (task_id, questions) values (?, '["Which provider?", "Which language?"]')
                returning id""", Long.class, task);

        open("/clarifications");
        Browser.find("#answer-" + clarification + "-0").sendKeys("Postmark");
        Browser.find("#clarification-" + clarification + " button").click();

        String error = Browser.await(driver -> driver.findElement(By.cssSelector("#clarification-" + clarification + " .form-error"))).getText();
        assertThat(error).isEqualTo("'answers[1]' must not be blank.");
        assertThat(Browser.find("#answer-" + clarification + "-0").getAttribute("value")).isEqualTo("Postmark");
        assertThat(jdbc.queryForObject("select status from tasks where id = ?", String.class, task)).isEqualTo("BLOCKED");
    }

    private long blockedTask() {
        long epic = jdbc.queryForObject("insert into epics (title, created_by, status) values ('Password reset', 1, 'CLARIFYING') returning id", Long.class);
        return jdbc.queryForObject("insert into tasks (epic_id, type, assigned_to, status, attempt_count, trace_id) "
                + "values (?, 'po.refine_epic', 'po', 'BLOCKED', 1, 't') returning id", Long.class, epic);
    }
}
