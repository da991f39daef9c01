package dev.agentteam.orchestrator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/eval.sh --compare A B}, as a user runs it to compare prompt versions or models: A and B may be run ids
 * (read from the API) or JSON reports written by {@code --json}; the comparison names what differed between the runs
 * and, per task, what was fixed, what broke and the differences in tokens, cost and time.
 */
class EvalCompareTest extends EvalTest {

    @TempDir
    Path temp;

    @Test
    void twoRunsByIdOrReportShowWhatWasFixedWhatBrokeAndTheDifferences() throws Exception {
        long before = run("dev v2", "gpt-replay", "2");
        result(before, "a-same", 0, true, "solved", 1000, "0.010000", "30.0");
        result(before, "b-fixed", 1, false, "tests", 2000, "0.020000", "40.0");
        result(before, "c-broken", 2, true, "solved", 3000, "0.030000", "50.0");
        long after = run("dev v3", "gpt-replay", "3");
        result(after, "a-same", 0, true, "solved", 1500, "0.015000", "20.0");
        result(after, "b-fixed", 1, true, "solved", 2500, "0.025000", "45.5");
        result(after, "c-broken", 2, false, "budget", 9000, "0.090000", "60.0");
        result(after, "d-new", 3, false, "no_pr", 100, "0.001000", "5.0");
        Path afterReport = temp.resolve("after.json");
        Files.writeString(afterReport, api.get("/api/evals/" + after).body());

        Outcome compared = evalSh("--compare", String.valueOf(before), afterReport.toString(), "--md", temp.resolve("c.md").toString());

        assertThat(compared.exit()).as(compared.output()).isZero();
        assertThat(compared.output()).contains(
                "- A: run " + before + " (bundled, dev, model gpt-replay, prompt 2, dev v2)",
                "- B: run " + after + " (bundled, dev, model gpt-replay, prompt 3, dev v3)",
                "| solved | 2 | 2 |",
                "| a-same | solved | solved | same | +500 | +0.005000 | -10.0 |",
                "| b-fixed | tests | solved | **fixed** | +500 | +0.005000 | +5.5 |",
                "| c-broken | solved | budget | **broken** | +6000 | +0.060000 | +10.0 |",
                "| d-new | – | no_pr | only in B | | | |");
        assertThat(Files.readString(temp.resolve("c.md")).strip()).isEqualTo(compared.output());

        Outcome wrong = evalSh("--compare", "no-such-report.json", String.valueOf(after));
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.output()).contains("'no-such-report.json' is neither");
        Outcome unknownRun = evalSh("--compare", "999999", String.valueOf(after));
        assertThat(unknownRun.exit()).isEqualTo(2);
        assertThat(unknownRun.output()).contains("GET /api/evals/999999 answered HTTP 404");
    }

    private long run(String label, String model, String promptVersion) {
        return jdbc.queryForObject("""
                insert into eval_runs (suite, mode, label, concurrency, task_timeout_s, model, prompt_version, status,
                                       created_by, finished_at)
                values ('bundled', 'dev', ?, 1, 600, ?, ?, 'DONE', 1, now()) returning id""",
                Long.class, label, model, promptVersion);
    }

    private void result(long run, String task, int position, boolean solved, String reason, long tokensIn, String cost,
                        String seconds) {
        jdbc.update("""
                insert into eval_results (run_id, task_key, title, position, status, solved, reason, detail, rounds, steps,
                                          tokens_in, tokens_out, cost_usd, seconds, started_at, finished_at)
                values (?, ?, ?, ?, 'DONE', ?, ?, 'as recorded', 1, 3, ?, 0, ?::numeric, ?::numeric, now(), now())""",
                run, task, "Task " + task, position, solved, reason, tokensIn, cost, seconds);
    }

    private record Outcome(int exit, String output) {
    }

    private Outcome evalSh(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", Path.of("..", "scripts", "eval.sh").toString()));
        command.addAll(List.of(arguments));
        Path log = Files.createTempFile(temp, "eval", ".log");
        ProcessBuilder script = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        script.environment().put("AGENTTEAM_URL", api.baseUrl());
        script.environment().put("AGENTTEAM_TOKEN", users.person("approver").substring("Bearer ".length()));
        Process process = script.start();
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).as("eval.sh ended").isTrue();
        return new Outcome(process.exitValue(), Files.readString(log).strip());
    }
}
