package dev.agentteam.orchestrator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentteam.common.llm.ScenarioLibrary;
import dev.agentteam.common.llm.ScenarioReplayServer;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.dev.DevAgentApplication;
import dev.agentteam.orchestrator.support.AgentApplications;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The harness unchanged against a model behind an endpoint: the Dev agent uses its real {@code openai} provider
 * (HTTP, retries, JSON mapping, prices) against {@link ScenarioReplayServer}, which speaks OpenAI's chat-completions
 * format and replays the shipped scenarios. The suite is a directory of the user's own (under
 * {@code agentteam.eval.suites-dir}) with one task per outcome the report names — solved (from a local directory and
 * from a git URL at its base commit), a spent budget, a question, a loop the gateway stops, an empty answer, a
 * provider that answers 500 — and the report's reasons, steps, tokens and cost at the model's price are the
 * scenarios' own.
 */
class EvalOverTheWireTest extends EvalTest {

    private static final String KEY = "sk-replay-Eval-Key-0123456789";
    private static final ScenarioReplayServer MODEL = ScenarioReplayServer.start(
            ScenarioLibrary.load("classpath:prompts/scenarios"), AgentRole.DEV, KEY, 0);
    private static final BigDecimal INPUT_PER_MTOK = new BigDecimal("1");
    private static final BigDecimal OUTPUT_PER_MTOK = new BigDecimal("10");
    private static final String SOLVABLE = "Negative amounts show the minus sign before the dollar sign";
    private static final Path TEMPLATE = Path.of("src", "main", "resources", "forge-templates", "eval-python");
    private static final Path HELD_OUT = Path.of("src", "main", "resources", "eval-suites", "bundled",
            "py-negative-amounts", "heldout");

    @TempDir
    Path temp;

    private ConfigurableApplicationContext worker;

    @AfterAll
    static void stopModel() {
        MODEL.close();
    }

    @BeforeEach
    void devWorkerOnTheReplayedModel() {
        worker = AgentApplications.start(DevAgentApplication.class, "dev", environment, temp.resolve("workspaces"),
                "agentteam.dev.test-timeout=2m", "agentteam.worker.concurrency=3",
                "agentteam.llm.provider=openai", "agentteam.llm.base-url=" + MODEL.baseUrl(),
                "agentteam.llm.api-key=" + KEY, "agentteam.llm.model=gpt-replay", "agentteam.llm.max-retries=2",
                "agentteam.llm.initial-backoff=100ms", "agentteam.llm.timeout=20s",
                "agentteam.llm.prices.gpt-replay.input-per-mtok=" + INPUT_PER_MTOK,
                "agentteam.llm.prices.gpt-replay.output-per-mtok=" + OUTPUT_PER_MTOK);
    }

    @AfterEach
    void stopWorker() {
        if (worker != null) {
            worker.close();
        }
    }

    @Test
    void everyOutcomeOfTheReportThroughTheOpenAiProviderWithItsCostAtTheModelsPrice() throws Exception {
        Path suite = Path.of(environment.getRequiredProperty("agentteam.eval.suites-dir")).resolve("wire-" + System.nanoTime());
        Path gitSource = gitSourceWithALaterCommit();
        String pythonTests = "python3 -m unittest discover -s tests -v";
        task(suite, "from-path", SOLVABLE, "{path: '" + copyOfTemplate("path-source") + "'}", pythonTests);
        task(suite, "from-git", SOLVABLE, "{git: '" + gitSource.toUri() + "', base_commit: " + baseCommit(gitSource) + "}",
                pythonTests);
        task(suite, "token-hog", "Totals (misbehave: token hog)", "{template: eval-python}", null);
        task(suite, "asks-first", "Most common words (scripted: clarify-first)", "{template: eval-python}", null);
        task(suite, "loops", "Read forever (misbehave: loop)", "{template: eval-python}", null);
        task(suite, "says-nothing", "Say nothing (misbehave: empty answer)", "{template: eval-python}", null);
        task(suite, "provider-down", "Anything (misbehave: provider down)", "{template: eval-python}", null);
        int requestsBefore = MODEL.requests().size();

        var started = api.postJson("/api/evals", """
                {"suite": "%s", "mode": "dev", "concurrency": 4, "task_timeout": "4m", "label": "over the wire"}"""
                .formatted(suite.getFileName()));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode report = awaitReport(started.json().path("id").asLong(), Duration.ofMinutes(6));

        Map<String, JsonNode> byId = new HashMap<>();
        report.path("results").forEach(r -> byId.put(r.path("id").asString(), r));
        assertThat(byId).hasSize(7);
        assertThat(reason(byId, "from-path")).isEqualTo("solved");
        assertThat(reason(byId, "from-git")).isEqualTo("solved");
        assertThat(reason(byId, "token-hog")).isEqualTo("budget");
        assertThat(byId.get("token-hog").path("detail").asString()).contains("budget 'max-tokens' exceeded");
        assertThat(reason(byId, "asks-first")).isEqualTo("clarify");
        assertThat(byId.get("asks-first").path("detail").asString()).contains("Should words that differ only in case");
        assertThat(reason(byId, "loops")).isEqualTo("error");
        assertThat(byId.get("loops").path("detail").asString()).contains("repeated the same tool call 3 times");
        assertThat(reason(byId, "says-nothing")).isEqualTo("no_pr");
        assertThat(byId.get("says-nothing").path("detail").asString()).contains("empty answer without calling finish");
        assertThat(reason(byId, "provider-down")).isEqualTo("error");
        assertThat(byId.get("provider-down").path("detail").asString()).contains("HTTP 500 after 3 attempt(s)");
        assertThat(byId.values()).allSatisfy(r -> assertThat(r.path("pr_number").isNumber()).as(r.toString())
                .isEqualTo(r.path("id").asString().startsWith("from-")));

        ScenarioNumbers scenarios = ScenarioNumbers.shipped();
        ScenarioNumbers.Script solving = scenarios.named("eval-py-negative-amounts");
        assertSpent(byId.get("from-path"), solving);
        assertSpent(byId.get("from-git"), solving);
        assertSpent(byId.get("token-hog"), scenarios.named("misbehave-token-hog").first(1));
        assertSpent(byId.get("asks-first"), scenarios.named("dev-demo-clarify-first"));
        assertThat(byId.get("loops").path("steps").asInt()).isEqualTo(3);

        BigDecimal cost = BigDecimal.ZERO;
        for (JsonNode r : byId.values()) {
            cost = cost.add(r.path("cost_usd").decimalValue());
        }
        assertThat(report.path("model").asString()).isEqualTo("gpt-replay");
        assertThat(report.path("solved").asInt()).isEqualTo(2);
        assertThat(report.path("solve_rate").asDouble()).isEqualTo(0.286);
        assertThat(report.path("cost_usd").decimalValue()).isEqualByComparingTo(cost);
        assertThat(report.path("cost_per_solved_usd").decimalValue()).isEqualByComparingTo(cost.divide(BigDecimal.valueOf(2), 6, RoundingMode.HALF_UP));

        assertThat(allFiles(forge.path(byId.get("from-git").path("repository").asString())))
                .as("the repository at its base commit, without the later one").contains("ledger/core.py")
                .doesNotContain("LATER.md");
        assertThat(MODEL.requests().subList(requestsBefore, MODEL.requests().size()))
                .as("every request the model got").isNotEmpty()
                .allSatisfy(body -> assertThat(body).doesNotContainIgnoringCase("heldout").doesNotContain(KEY, TOKEN));
        assertHeldOutTestsWereNeverInSight();
    }

    private static String reason(Map<String, JsonNode> byId, String id) {
        return byId.get(id).path("reason").asString();
    }

    /** Steps, tokens and cost at the model's price are what the scenario scripted. */
    private static void assertSpent(JsonNode result, ScenarioNumbers.Script script) {
        String id = result.path("id").asString();
        assertThat(result.path("steps").asInt()).as(id).isEqualTo(script.calls());
        assertThat(result.path("tokens_in").asLong()).as(id).isEqualTo(script.tokensIn());
        assertThat(result.path("tokens_out").asLong()).as(id).isEqualTo(script.tokensOut());
        assertThat(result.path("cost_usd").decimalValue()).as(id)
                .isEqualByComparingTo(script.cost(INPUT_PER_MTOK, OUTPUT_PER_MTOK));
    }

    /** A task folder of the suite: its task.yaml and the bundled py-negative-amounts held-out tests. */
    private static void task(Path suite, String id, String title, String repository, String testCommand) throws IOException {
        Path dir = Files.createDirectories(suite.resolve(id));
        Files.writeString(dir.resolve("task.yaml"), """
                title: "%s"
                difficulty: scenario
                repository: %s
                statement: As a bookkeeper, I want refunds to read -$5.00, not $-5.00.
                acceptance_criteria: ['format_amount(Decimal("-5")) returns "-$5.00"']
                %s""".formatted(title, repository, testCommand == null ? "" : "test_command: " + testCommand + "\n"));
        copy(HELD_OUT, dir.resolve("heldout"));
    }

    private Path copyOfTemplate(String name) throws IOException {
        Path copy = temp.resolve(name);
        copy(TEMPLATE, copy);
        return copy;
    }

    /** A git repository whose base commit is the template and whose next commit adds a file the task must not see. */
    private Path gitSourceWithALaterCommit() throws Exception {
        Path source = copyOfTemplate("git-source");
        PersonIdent who = new PersonIdent("owner", "owner@example.com");
        try (Git git = Git.init().setDirectory(source.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("base").setAuthor(who).setCommitter(who).setSign(false).call();
            Files.writeString(source.resolve("LATER.md"), "a commit after the base commit\n");
            git.add().addFilepattern("LATER.md").call();
            git.commit().setMessage("later").setAuthor(who).setCommitter(who).setSign(false).call();
        }
        return source;
    }

    private static String baseCommit(Path source) throws Exception {
        try (Git git = Git.open(source.toFile())) {
            RevCommit base = null;
            for (RevCommit commit : git.log().call()) {
                base = commit;
            }
            return base.getName();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }
}
