package dev.agentteam.orchestrator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentteam.cicd.CicdAgentApplication;
import dev.agentteam.dev.DevAgentApplication;
import dev.agentteam.orchestrator.support.AgentApplications;
import dev.agentteam.orchestrator.support.FormClient;
import dev.agentteam.qa.QaAgentApplication;
import dev.agentteam.review.ReviewAgentApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The harness itself: three bundled tasks, the real Dev agent with the scripted model (two scenarios solve their
 * task, the third passes the repository's tests but not the held-out ones), the Dev-agent-alone mode; the whole
 * system (Dev, CI, QA, Review); and {@code scripts/eval.sh} over the whole bundled suite. The report
 * says exactly 2/3 with the right reasons and the scenarios' token counts; the held-out tests are in no repository
 * the agent could see and in no logged prompt or answer.
 */
class EvalHarnessTest extends EvalTest {

    private static final List<String> TASKS = List.of("node-slug-lowercase", "py-empty-average", "py-negative-amounts");

    @Autowired
    EvalRuns runs;

    @TempDir
    Path temp;

    private ConfigurableApplicationContext worker;
    private final List<ConfigurableApplicationContext> team = new ArrayList<>();

    @BeforeEach
    void devWorker() {
        worker = AgentApplications.start(DevAgentApplication.class, "dev", environment, temp.resolve("workspaces"),
                "agentteam.dev.test-timeout=2m", "agentteam.worker.concurrency=2");
    }

    @AfterEach
    void stopWorkers() {
        team.forEach(ConfigurableApplicationContext::close);
        if (worker != null) {
            worker.close();
        }
    }

    /**
     * The rest of the team for whole-system mode: the real CI/CD, QA and Review workers on the scripted model (QA
     * triages every CI result; on a green one it comments without a model call).
     */
    private void startCiQaAndReview() {
        team.add(AgentApplications.start(ReviewAgentApplication.class, "review", environment, temp.resolve("review")));
        team.add(AgentApplications.start(QaAgentApplication.class, "qa", environment, temp.resolve("qa")));
        team.add(AgentApplications.start(CicdAgentApplication.class, "cicd", environment, temp.resolve("cicd"),
                "agentteam.cicd.test-timeout=2m", "agentteam.artifacts.dir=" + temp.resolve("artifacts"),
                "agentteam.worker.concurrency=2"));
    }

    private Map<String, EvalTask> bundledTasks() {
        Map<String, EvalTask> byId = new HashMap<>();
        suites.load("bundled").forEach(task -> byId.put(task.id(), task));
        return byId;
    }

    @Test
    void threeTasksTwoSolvedOneNotWithTheirReasonsAndNoHeldOutTestInSight() throws Exception {
        var started = api.postJson("/api/evals", """
                {"suite": "bundled", "mode": "dev", "concurrency": 2, "task_timeout": "4m", "label": "scripted",
                 "tasks": ["py-negative-amounts", "node-slug-lowercase", "py-empty-average"]}""");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long run = started.json().path("id").asLong();
        assertThat(started.json().path("tasks").asInt()).isEqualTo(3);

        JsonNode report = awaitReport(run, Duration.ofMinutes(6));
        assertThat(report.path("tasks").asInt()).isEqualTo(3);
        assertThat(report.path("solved").asInt()).isEqualTo(2);
        assertThat(report.path("solve_rate").asDouble()).isEqualTo(0.667);
        assertThat(report.path("model").asString()).isEqualTo("scripted-demo");
        Map<String, JsonNode> byId = new HashMap<>();
        report.path("results").forEach(r -> byId.put(r.path("id").asString(), r));
        assertThat(byId.keySet()).containsExactlyInAnyOrderElementsOf(TASKS);
        for (String solved : List.of("py-negative-amounts", "node-slug-lowercase")) {
            JsonNode r = byId.get(solved);
            assertThat(r.path("solved").asBoolean()).as(r.toString()).isTrue();
            assertThat(r.path("reason").asString()).isEqualTo("solved");
            // the scenario's own numbers: 5 calls, 1500+2200+2600+3000+3100 in, 30+120+20+60+2 out
            assertThat(r.path("steps").asInt()).isEqualTo(5);
            assertThat(r.path("tokens_in").asLong()).isEqualTo(12400);
            assertThat(r.path("tokens_out").asLong()).isEqualTo(232);
            assertThat(r.path("rounds").asInt()).isEqualTo(1);
            assertThat(r.path("trajectory").asString()).startsWith("/tasks/");
        }
        JsonNode unsolved = byId.get("py-empty-average");
        assertThat(unsolved.path("solved").asBoolean()).isFalse();
        assertThat(unsolved.path("reason").asString()).as(unsolved.toString()).isEqualTo("tests");
        assertThat(unsolved.path("detail").asString()).contains("held-out tests exit 1", "FAILED");
        assertThat(unsolved.path("pr_number").isNumber()).as("the agent delivered a pull request").isTrue();
        assertThat(report.path("tokens_per_solved").asLong()).isEqualTo((3 * (12400 + 232)) / 2);
        assertThat(api.getAnything("/api/evals/" + run + "/report.md").body()).contains("**solved 2/3**",
                "| py-empty-average |", "| tests |");

        assertHeldOutTestsWereNeverInSight();

        FormClient browser = users.signedIn("viewer", java.net.URI.create(api.baseUrl()).getPort());
        assertThat(browser.get("/evals").body()).contains("Evaluations", "/evals/" + run, "2/3", "scripted-demo", "eval-chart");
        assertThat(browser.get("/evals/" + run).body()).contains("Solved 2/3", "py-empty-average", "held-out tests exit 1",
                "/tasks/");
    }

    /**
     * Whole-system mode, as in production: the Dev agent delivers a pull request, the embedded forge's CI runs on it
     * (the real CI/CD worker, the repository's tests in the sandbox), QA triages the result and the real Review agent
     * reviews it; only the
     * merge is replaced by the held-out tests on the pull request's head. The numbers are the Dev and Review
     * scenarios' own.
     */
    @Test
    void wholeSystemModeRunsDevReviewAndCiThenJudgesThePullRequestsHead() throws Exception {
        startCiQaAndReview();
        ScenarioNumbers scenarios = ScenarioNumbers.shipped();
        ScenarioNumbers.Script review = scenarios.byDefault("review");
        var started = api.postJson("/api/evals", """
                {"suite": "bundled", "mode": "system", "concurrency": 2, "task_timeout": "5m",
                 "tasks": ["py-negative-amounts", "py-empty-average"]}""");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long run = started.json().path("id").asLong();

        JsonNode report = awaitReport(run, Duration.ofMinutes(8));
        assertThat(report.path("mode").asString()).isEqualTo("system");
        assertThat(report.path("solved").asInt()).isEqualTo(1);
        Map<String, EvalTask> bundled = bundledTasks();
        for (JsonNode r : report.path("results")) {
            String id = r.path("id").asString();
            ScenarioNumbers.Script dev = scenarios.dev(bundled.get(id));
            assertThat(r.path("reason").asString()).as(r.toString()).isEqualTo(id.equals("py-negative-amounts") ? "solved" : "tests");
            assertThat(r.path("rounds").asInt()).as(id).isEqualTo(1);
            assertThat(r.path("steps").asInt()).as(id).isEqualTo(dev.calls() + review.calls());
            assertThat(r.path("tokens_in").asLong()).as(id).isEqualTo(dev.tokensIn() + review.tokensIn());
            assertThat(r.path("tokens_out").asLong()).as(id).isEqualTo(dev.tokensOut() + review.tokensOut());
            long story = r.path("story_id").asLong();
            assertThat(jdbc.queryForList("select type || ' ' || status from tasks where story_id = ? order by id", String.class, story))
                    .as(id).containsExactlyInAnyOrder("dev.implement_story SUCCEEDED", "cicd.run_ci SUCCEEDED",
                            "review.review_pr SUCCEEDED", "qa.triage SUCCEEDED");
            assertThat(jdbc.queryForObject("select ci_status || ' ' || review_status from pr_records where story_id = ?",
                    String.class, story)).as(id).isEqualTo("SUCCESS APPROVED");
            assertThat(jdbc.queryForObject("select status from stories where id = ?", String.class, story))
                    .as("the merge is replaced by the judge: " + id).isNotEqualTo("DONE");
        }
        assertHeldOutTestsWereNeverInSight();
    }

    /**
     * {@code scripts/eval.sh --suite bundled} itself, as a user runs it, against this orchestrator with the whole team
     * on the scripted model: its JSON report's numbers are the scenarios'. Two tasks have a solving scenario;
     * py-empty-average's passes only the repository's own tests; the other nine get the default Dev scenario, which
     * writes a Java greeting: harmless for Python and Node (a PR whose held-out tests fail), a compile error for the
     * javac repository (its tests never go green, no PR, no review). Each reviewed pull request adds the Review
     * scenario's numbers, and one whose CI result QA had to classify adds the QA scenario's.
     */
    @Test
    void evalShOnTheBundledSuiteWithTheScriptedModelReportsTheScenariosNumbers() throws Exception {
        startCiQaAndReview();
        Path json = temp.resolve("bundled.json");
        Path markdown = temp.resolve("bundled.md");
        ProcessBuilder script = new ProcessBuilder("bash", Path.of("..", "scripts", "eval.sh").toString(), "--suite", "bundled",
                "--concurrency", "4", "--label", "ci", "--json", json.toString(), "--md", markdown.toString())
                .redirectErrorStream(true).redirectOutput(temp.resolve("eval.log").toFile());
        script.environment().put("AGENTTEAM_URL", api.baseUrl());
        script.environment().put("AGENTTEAM_TOKEN", users.person("approver").substring("Bearer ".length()));
        script.environment().put("AGENT_TEAM_RUN_DIR", temp.toString());
        script.environment().put("EVAL_POLL_SECONDS", "1");
        Process process = script.start();
        boolean finished = process.waitFor(12, TimeUnit.MINUTES);
        String log = Files.readString(temp.resolve("eval.log"));
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as(log).isTrue();
        assertThat(process.exitValue()).as(log).isZero();
        assertThat(log).contains("evaluation run", "JSON report: " + json);

        JsonNode report = tools.jackson.databind.json.JsonMapper.builder().build().readTree(json.toFile());
        ScenarioNumbers scenarios = ScenarioNumbers.shipped();
        ScenarioNumbers.Script review = scenarios.byDefault("review");
        ScenarioNumbers.Script qa = scenarios.byDefault("qa");
        Map<String, EvalTask> bundled = bundledTasks();
        Map<String, String> reasons = new HashMap<>();
        long tokensIn = 0;
        long tokensOut = 0;
        for (JsonNode r : report.path("results")) {
            String id = r.path("id").asString();
            String reason = r.path("reason").asString();
            reasons.put(id, reason);
            ScenarioNumbers.Script dev = scenarios.dev(bundled.get(id));
            boolean reviewed = !reason.equals("no_pr");
            // QA asks the model only when a CI result has something to classify (not for a clean one)
            boolean triaged = jdbc.queryForList("select result ->> 'verdict' from tasks where story_id = ? and type = 'qa.triage'",
                    String.class, r.path("story_id").asLong()).stream().anyMatch(verdict -> verdict != null && !verdict.equals("clean"));
            assertThat(r.path("solved").asBoolean()).as(id).isEqualTo(reason.equals("solved"));
            assertThat(r.path("rounds").asInt()).as(id).isEqualTo(1);
            assertThat(r.path("steps").asInt()).as(r.toString())
                    .isEqualTo(dev.calls() + (reviewed ? review.calls() : 0) + (triaged ? qa.calls() : 0));
            assertThat(r.path("tokens_in").asLong()).as(id)
                    .isEqualTo(dev.tokensIn() + (reviewed ? review.tokensIn() : 0) + (triaged ? qa.tokensIn() : 0));
            assertThat(r.path("tokens_out").asLong()).as(id)
                    .isEqualTo(dev.tokensOut() + (reviewed ? review.tokensOut() : 0) + (triaged ? qa.tokensOut() : 0));
            assertThat(r.path("pr_number").isNumber()).as(id).isEqualTo(reviewed);
            assertThat(r.path("trajectory").asString()).as(id).startsWith("/tasks/");
            tokensIn += r.path("tokens_in").asLong();
            tokensOut += r.path("tokens_out").asLong();
        }
        assertThat(reasons).hasSize(12).containsEntry("py-negative-amounts", "solved").containsEntry("node-slug-lowercase", "solved")
                .containsEntry("py-empty-average", "tests").containsEntry("py-split-evenly", "tests")
                .containsEntry("py-currency", "tests").containsEntry("node-truncate", "tests")
                .containsEntry("node-slug-separator", "tests").containsEntry("node-wrap-empty", "tests")
                .containsEntry("java-quantity-total", "no_pr").containsEntry("java-discount-codes", "no_pr")
                .containsEntry("java-item-count", "no_pr").containsEntry("java-unnamed-item", "no_pr");
        assertThat(report.path("status").asString()).isEqualTo("DONE");
        assertThat(report.path("mode").asString()).isEqualTo("system");
        assertThat(report.path("tasks").asInt()).isEqualTo(12);
        assertThat(report.path("solved").asInt()).isEqualTo(2);
        assertThat(report.path("solve_rate").asDouble()).isEqualTo(0.167);
        assertThat(report.path("tokens_in").asLong()).isEqualTo(tokensIn);
        assertThat(report.path("tokens_out").asLong()).isEqualTo(tokensOut);
        assertThat(report.path("tokens_per_solved").asLong()).isEqualTo((tokensIn + tokensOut) / 2);
        assertThat(Files.readString(markdown)).contains("**solved 2/12**", "| java-item-count |", "| no_pr |");
    }

    /** A run the orchestrator was running when it stopped: on start-up only its unfinished tasks run, once. */
    @Test
    void anInterruptedRunResumesWithItsUnfinishedTasksOnly() {
        long run = jdbc.queryForObject("""
                insert into eval_runs (suite, mode, concurrency, task_timeout_s, created_by) values ('bundled', 'dev', 1, 240, 1)
                returning id""", Long.class);
        jdbc.update("""
                insert into eval_results (run_id, task_key, title, position, status, solved, reason, detail, finished_at)
                values (?, 'py-negative-amounts', 'Negative amounts', 0, 'DONE', true, 'solved', 'judged before the restart', now())""", run);
        jdbc.update("insert into eval_results (run_id, task_key, title, position) values (?, 'node-slug-lowercase', 'Slugs', 1)", run);

        runs.resumeInterruptedRuns();

        JsonNode report = awaitReport(run, Duration.ofMinutes(4));
        assertThat(report.path("solved").asInt()).isEqualTo(2);
        assertThat(report.path("results").get(0).path("detail").asString()).isEqualTo("judged before the restart");
        assertThat(report.path("results").get(1).path("reason").asString()).isEqualTo("solved");
        assertThat(jdbc.queryForObject("select count(*) from stories", Integer.class)).as("only the unfinished task ran").isEqualTo(1);
    }

    @Test
    void badRequestsAreProblemsAndViewersCannotStartRuns() {
        for (String body : List.of("{\"suite\": \"nope\"}", "{\"suite\": \"bundled\", \"mode\": \"fast\"}",
                "{\"suite\": \"bundled\", \"concurrency\": 0}", "{\"suite\": \"bundled\", \"tasks\": [\"no-such-task\"]}",
                "{\"suite\": \"bundled\", \"task_timeout\": \"soon\"}", "{\"suite\": \"../../etc\"}", "not json")) {
            var reply = api.postJson("/api/evals", body);
            assertThat(reply.status()).as(body + " → " + reply.body()).isBetween(400, 499);
            assertThat(reply.isProblem()).as(body).isTrue();
        }
        assertThat(api.as(users.person("viewer")).postJson("/api/evals", "{\"suite\": \"bundled\"}").status()).isEqualTo(403);
        assertThat(api.get("/api/evals/999").status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from eval_runs", Integer.class)).isZero();
    }
}
