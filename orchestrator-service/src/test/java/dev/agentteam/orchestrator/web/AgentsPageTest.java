package dev.agentteam.orchestrator.web;

import dev.agentteam.common.queue.TaskQueue;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.TaskEnvelope;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AgentsPageTest extends BrowserTest {

    @Autowired
    TaskQueue queue;

    @Test
    void aWorkerThatStartsHeartbeatingAppearsWithoutReloading() {
        open("/agents");
        assertThat(Browser.find("#role-qa").getText()).contains("DOWN", "No worker has a live heartbeat.");

        queue.heartbeat(AgentRole.QA, "qa-worker-1", Duration.ofSeconds(60));

        String card = Browser.await(driver -> {
            String text = driver.findElement(By.id("role-qa")).getText();
            return text.contains("qa-worker-1") ? text : null;
        });
        assertThat(card).contains("UP", "qa-worker-1", "s ago");
        Browser.screenshot("agents");
    }

    @Test
    void aDeadLetteredTaskCanBeRequeued() {
        long task = jdbc.queryForObject("insert into tasks (type, assigned_to, status, attempt_count, max_attempts, last_error, trace_id) "
                + "values ('review.review_pr', 'review', 'DEAD', 3, 3, 'model unavailable', 'tr') returning id", Long.class);
        queue.deadLetter(new TaskEnvelope(task, "review.review_pr", AgentRole.REVIEW, 3, Duration.ofMinutes(5), "tr",
                Instant.now(), Map.of()), "model unavailable");

        open("/agents");
        assertThat(Browser.find("#dead-letters").getText()).contains("#" + task, "review.review_pr", "model unavailable", "DEAD");
        Browser.find("#dead-letters button").click();

        Browser.await(driver -> driver.findElements(By.cssSelector(".flash")).size() == 1);
        assertThat(Browser.find(".flash").getText()).contains("Task #" + task + " is queued again for review");
        assertThat(jdbc.queryForObject("select status from tasks where id = ?", String.class, task)).isEqualTo("QUEUED");
        assertThat(queue.pendingCount(AgentRole.REVIEW)).isEqualTo(1);
        assertThat(Browser.find("#dead-letters").getText()).contains("QUEUED");
        assertThat(Browser.driver().findElements(By.cssSelector("#dead-letters button"))).isEmpty();
    }
}
