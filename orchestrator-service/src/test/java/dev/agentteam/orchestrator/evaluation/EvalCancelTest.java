package dev.agentteam.orchestrator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentteam.orchestrator.support.FormClient;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A run started by mistake (the wrong model, the wrong suite) is stopped before it spends more: from the API or from
 * its page. No Dev agent runs here, so the first task's story waits for one until the run is cancelled.
 */
class EvalCancelTest extends EvalTest {

    @Test
    void aCancelledRunStartsNoFurtherTaskAndEndsItsUnfinishedOnesAndTheirStories() {
        var started = api.postJson("/api/evals", """
                {"suite": "bundled", "mode": "dev", "concurrency": 1, "task_timeout": "10m",
                 "tasks": ["py-negative-amounts", "node-slug-lowercase", "py-empty-average"]}""");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long run = started.json().path("id").asLong();
        // clock wait: an evaluation task's start is written by the run's own thread, which publishes no event
        await().atMost(Duration.ofMinutes(1)).until(() -> jdbc.queryForObject(
                "select count(*) from eval_results where run_id = ? and status = 'RUNNING' and story_id is not null",
                Integer.class, run) == 1);
        assertThat(api.as(users.person("viewer")).postJson("/api/evals/" + run + "/cancel", "{}").status()).isEqualTo(403);

        var cancelled = api.postJson("/api/evals/" + run + "/cancel", "{}");

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        JsonNode report = cancelled.json();
        assertThat(report.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(report.path("done").asInt()).isEqualTo(3);
        report.path("results").forEach(r -> {
            assertThat(r.path("reason").asString()).as(r.toString()).isEqualTo("cancelled");
            assertThat(r.path("solved").asBoolean()).isFalse();
        });
        assertThat(jdbc.queryForList("select status from stories", String.class)).containsExactly("CANCELLED");
        assertThat(jdbc.queryForList("select type || ' ' || status from tasks", String.class))
                .as("the story's queued Dev task will not run").containsExactly("dev.implement_story CANCELLED");
        // clock wait: the run's threads notice the cancel within one poll (500 ms) and stop; nothing announces that
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() ->
                jdbc.queryForObject("select count(*) from stories", Integer.class) == 1
                        && "CANCELLED".equals(api.get("/api/evals/" + run).json().path("status").asString()));

        var again = api.postJson("/api/evals/" + run + "/cancel", "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
        assertThat(again.detail()).contains("is CANCELLED; only a RUNNING run can be cancelled");
        assertThat(api.postJson("/api/evals/999999/cancel", "{}").status()).isEqualTo(404);
        assertThat(api.getAnything("/api/evals/" + run + "/report.md").body()).contains("| cancelled |");
    }

    @Test
    void thePageStartsARunAndCancelsItAndSaysWhatWasWrongWithAForm() {
        FormClient browser = users.signedIn("approver", URI.create(api.baseUrl()).getPort());
        assertThat(browser.get("/evals").body()).contains("Start a run", "<option value=\"bundled\">bundled</option>");

        var refused = browser.submit("/evals", "/evals", Map.of("suite", "bundled", "mode", "dev", "concurrency", "0"));
        assertThat(FormClient.location(refused)).endsWith("/evals");
        assertThat(browser.get("/evals").body()).contains("Tasks at a time must be a whole number from 1 to 16.");
        var unknown = browser.submit("/evals", "/evals", Map.of("suite", "bundled", "tasks", "no-such-task", "concurrency", "1"));
        assertThat(FormClient.location(unknown)).endsWith("/evals");
        assertThat(browser.get("/evals").body()).contains("unknown task ids [no-such-task]");
        assertThat(jdbc.queryForObject("select count(*) from eval_runs", Integer.class)).isZero();

        var started = browser.submit("/evals", "/evals", Map.of("suite", "bundled", "mode", "dev", "concurrency", "2",
                "tasks", "py-negative-amounts, node-slug-lowercase", "task_timeout", "5m", "label", "from the page"));
        String page = FormClient.location(started);
        assertThat(page).matches(".*/evals/\\d+");
        long run = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
        assertThat(jdbc.queryForMap("select mode, concurrency, task_timeout_s, label from eval_runs where id = ?", run))
                .containsEntry("mode", "dev").containsEntry("concurrency", 2).containsEntry("task_timeout_s", 300)
                .containsEntry("label", "from the page");
        assertThat(browser.get("/evals/" + run).body()).contains("Evaluation run #" + run + " started.", "Cancel run");

        var cancelled = browser.submit("/evals/" + run, "/evals/" + run + "/cancel", Map.of());
        assertThat(FormClient.location(cancelled)).endsWith("/evals/" + run);
        String after = browser.get("/evals/" + run).body();
        assertThat(after).contains("is cancelled", "CANCELLED").doesNotContain("Cancel run");
        var twice = browser.submit("/evals/" + run, "/evals/" + run + "/cancel", Map.of());
        assertThat(browser.get(FormClient.location(twice).replaceFirst("^https?://[^/]+", "")).body())
                .contains("only a RUNNING run can be cancelled");
    }
}
