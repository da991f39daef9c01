package dev.agentteam.orchestrator.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

class TaskPageTest extends BrowserTest {

    @Test
    void showsTheTimelineAndEveryModelCallAndNewStepsAppearWhileTheAgentWorks() {
        long task = jdbc.queryForObject("insert into tasks (type, assigned_to, status, trace_id) values ('dev.implement_story', 'dev', 'QUEUED', 'abc123') returning id", Long.class);
        jdbc.update("insert into task_transitions (task_id, from_status, to_status, reason) values (?, null, 'PENDING', 'created')", task);
        jdbc.update("insert into task_transitions (task_id, from_status, to_status, reason) values (?, 'PENDING', 'QUEUED', 'dispatched to dev')", task);
        logCall(task, "[system]\nYou are the dev agent.\n\n[user]\nImplement the story", "→ tool call read_file {\"path\":\"README.md\"}",
                "tool_calls: read_file", "{\"toolCalls\":[{\"id\":\"c1\",\"name\":\"read_file\",\"arguments\":\"{\\\"path\\\":\\\"README.md\\\"}\"}]}");
        logCall(task, "[tool result: read_file]\n# Demo", "All tests pass; committing.", "answer", "{\"finishReason\":\"STOP\"}");

        open("/tasks/" + task);

        assertThat(Browser.find("#task-status").getText()).isEqualTo("QUEUED");
        assertThat(Browser.find("#timeline").getText()).contains("created", "dispatched to dev");
        var steps = Browser.driver().findElements(By.cssSelector("#steps .step"));
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).getText()).contains("Step 1", "tool_calls: read_file", "scripted-model", "dev_agent_v1",
                "1,200 in / 80 out tokens", "$0.0042", "→ read_file");
        assertThat(steps.get(1).getText()).contains("Step 2", "All tests pass; committing.");
        Browser.find("#steps .step details summary").click();
        assertThat(Browser.find("#steps .step pre.prompt").getText()).contains("You are the dev agent.");
        Browser.screenshot("task-detail");

        logCall(task, "[user]\nAnd now?", "Opening the pull request.", "answer", "{}");
        jdbc.update("update tasks set status = 'SUCCEEDED' where id = ?", task);
        jdbc.update("insert into task_transitions (task_id, from_status, to_status, reason) values (?, 'QUEUED', 'SUCCEEDED', 'done')", task);

        Browser.await(driver -> driver.findElements(By.cssSelector("#steps .step")).size() == 3);
        assertThat(Browser.find("#steps .step:last-child").getText()).contains("Step 3", "Opening the pull request.");
        Browser.await(driver -> driver.findElement(By.id("task-status")).getText().equals("SUCCEEDED"));
        assertThat(Browser.find("#timeline").getText()).contains("done");
        assertThat(Browser.find("#spend").getText()).contains("Model calls 3", "Input tokens 3,600", "Estimated cost $0.0126");
        assertThat(Browser.driver().findElements(By.cssSelector("#steps .step"))).hasSize(3);
    }

    @Test
    void anUnknownTaskIsAFriendlyNotFoundPage() {
        var driver = open("/tasks/987654");

        assertThat(driver.getTitle()).isEqualTo("Not found · agent-team");
        assertThat(Browser.find("#error-message").getText()).isEqualTo("There is no task with id 987654.");
        Browser.screenshot("not-found");
    }

    @Test
    void aStoryShowsItsCriteriaAndTheTimelineOfEachTask() {
        long epic = jdbc.queryForObject("insert into epics (title, created_by) values ('Search', 1) returning id", Long.class);
        long story = jdbc.queryForObject("insert into stories (epic_id, title, acceptance_criteria, estimate) values (?, 'Search by name', '[{\"given\": \"a user Ana\", \"when\": \"I search ana\", \"then\": \"Ana is found\"}]', 3) returning id", Long.class, epic);
        long task = jdbc.queryForObject("insert into tasks (story_id, epic_id, type, assigned_to, status, trace_id) values (?, ?, 'dev.implement_story', 'dev', 'BLOCKED', 't') returning id", Long.class, story, epic);
        jdbc.update("insert into task_transitions (task_id, from_status, to_status, reason) values (?, 'QUEUED', 'BLOCKED', 'asked a question')", task);

        open("/stories/" + story);

        String page = Browser.find("main").getText();
        assertThat(page).contains("Search by name", "Given a user Ana, when I search ana, then Ana is found", "3 points",
                "No pull request yet.", "#" + task + " dev.implement_story",
                "BLOCKED", "asked a question");
        Browser.screenshot("story-detail");
    }

    private void logCall(long task, String prompt, String response, String decision, String metadata) {
        jdbc.update("""
                insert into agent_logs (agent, task_id, attempt, prompt, response, decision, metadata, model, prompt_version,
                                        input_tokens, output_tokens, cost_usd, latency_ms, trace_id)
                values ('dev', ?, 1, ?, ?, ?, cast(? as jsonb), 'scripted-model', 'dev_agent_v1', 1200, 80, 0.0042, 850, 'abc123')""",
                task, prompt, response, decision, metadata);
    }
}
