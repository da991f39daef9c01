package dev.agentteam.orchestrator.backlog;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.agentteam.orchestrator.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The same flow with the PO worker on provider {@code openai}, against WireMock speaking OpenAI's wire format. */
class PoRefinementOpenAiEndToEndTest extends IntegrationTest {

    static final WireMockServer OPENAI = new WireMockServer(options().dynamicPort());
    static final String COMPLETIONS = "/v1/chat/completions";
    static final String STORIES = """
            {"stories": [
              {"key": "S1", "title": "Export the report as CSV",
               "statement": "As a team lead, I want a CSV export, so that I can use a spreadsheet.",
               "acceptanceCriteria": [{"given": "a month with activity", "when": "I export", "then": "I get one row per activity"}],
               "estimate": 3, "priority": 1, "dependsOn": []},
              {"key": "S2", "title": "Email the report monthly",
               "statement": "As a team lead, I want the report e-mailed, so that I need not remember it.",
               "acceptanceCriteria": [{"given": "report e-mails on", "when": "a month starts", "then": "I get the CSV"}],
               "estimate": 5, "priority": 2, "dependsOn": ["S1"]},
              {"key": "S3", "title": "Choose report columns",
               "statement": "As a team lead, I want to pick columns, so that the report shows what I need.",
               "acceptanceCriteria": [{"given": "the export dialog", "when": "I untick a column", "then": "the CSV lacks it"}],
               "estimate": 2, "priority": 3, "dependsOn": ["S1"]}]}""";

    static {
        OPENAI.start();
    }

    @AfterAll
    static void stop() {
        OPENAI.stop();
    }

    @Autowired
    Environment environment;
    @Autowired
    StringRedisTemplate redis;

    @BeforeEach
    void reset() {
        OPENAI.resetAll();
        redis.execute((RedisCallback<Void>) connection -> {
            connection.serverCommands().flushDb();
            return null;
        });
    }

    PoWorkerProcess startPo() {
        return PoWorkerProcess.start(environment, "agentteam.llm.provider=openai",
                "agentteam.llm.base-url=" + OPENAI.baseUrl() + "/v1", "agentteam.llm.api-key=sk-test-e2e",
                "agentteam.llm.model=gpt-4o-mini", "agentteam.llm.timeout=5s", "agentteam.llm.max-retries=1",
                "agentteam.llm.initial-backoff=10ms");
    }

    @Test
    void anEpicIsRefinedByAnOpenAiCompatibleModel() {
        answer(200, completion(STORIES));
        try (PoWorkerProcess po = startPo()) {
            long epic = postEpic("Monthly report");

            JsonNode body = awaitEpic(epic, "REFINED");
            assertThat(body.get("stories")).extracting(s -> s.get("title").asString())
                    .containsExactly("Export the report as CSV", "Email the report monthly", "Choose report columns");
            assertThat(body.get("stories").get(1).get("acceptance_criteria").get(0).get("then").asString())
                    .isEqualTo("I get the CSV");
        }
        OPENAI.verify(1, postRequestedFor(urlEqualTo(COMPLETIONS)));
        List<Map<String, Object>> audit = jdbc.queryForList("select model, prompt_version, input_tokens, output_tokens from agent_logs");
        assertThat(audit).containsExactly(Map.of("model", "gpt-4o-mini", "prompt_version", "po_agent_v1",
                "input_tokens", 812L, "output_tokens", 96L));
    }

    @Test
    void aModelThatKeepsFailingEndsDeadAfterRetriesAndTheWorkerTakesTheNextEpic() {
        answer(500, "{\"error\": {\"message\": \"The server had an error\", \"type\": \"server_error\"}}");
        try (PoWorkerProcess po = startPo()) {
            long failing = postEpic("Monthly report");

            JsonNode failed = awaitEpic(failing, "REFINEMENT_FAILED");
            assertThat(failed.get("refinement_error").asString()).contains("500");
            JsonNode task = failed.get("tasks").get(0);
            assertThat(task.get("status").asString()).isEqualTo("DEAD");
            assertThat(task.get("attempt_count").asInt()).isEqualTo(3);
            // RUNNING (the worker's start notice) may show before each outcome or, applied after it, not at all
            assertThat(jdbc.queryForList("select to_status from task_transitions where task_id = ? and to_status <> 'RUNNING' "
                    + "order by at, id", String.class, task.get("id").asLong()))
                    .containsExactly("PENDING", "QUEUED", "FAILED", "QUEUED", "FAILED", "QUEUED", "DEAD");
            // each attempt: one audited call that failed after the HTTP client's own retry
            assertThat(jdbc.queryForList("select decision from agent_logs where task_id = ?", String.class,
                    task.get("id").asLong())).hasSize(3).allSatisfy(d -> assertThat(d).startsWith("error:"));
            OPENAI.verify(6, postRequestedFor(urlEqualTo(COMPLETIONS)));

            OPENAI.resetAll();
            answer(200, completion(STORIES));
            long next = postEpic("Another report");
            assertThat(awaitEpic(next, "REFINED").get("stories")).hasSize(3);
        }
    }

    /** A final answer cut off mid-JSON (a model that hit its output limit): one repair call, then a clear failure. */
    @Test
    void truncatedJsonGetsOneRepairCallThenTheTaskFailsClearlyWithoutARetry() {
        answer(200, completion(STORIES.substring(0, STORIES.length() / 2)));
        try (PoWorkerProcess po = startPo()) {
            long epic = postEpic("Monthly report");

            JsonNode failed = awaitEpic(epic, "REFINEMENT_FAILED");
            assertThat(failed.get("refinement_error").asString()).contains("not valid JSON", "even after one repair call");
            JsonNode task = failed.get("tasks").get(0);
            assertThat(task.get("status").asString()).as("the model's mistake is the outcome, not an outage").isEqualTo("FAILED");
            assertThat(task.get("attempt_count").asInt()).isEqualTo(1);
        }
        OPENAI.verify(2, postRequestedFor(urlEqualTo(COMPLETIONS)));
    }

    @Test
    void truncatedJsonThatTheRepairCallMendsRefinesTheEpic() {
        OPENAI.stubFor(post(COMPLETIONS).inScenario("repair").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(completion(STORIES.substring(0, STORIES.length() / 2))))
                .willSetStateTo("asked to repair"));
        OPENAI.stubFor(post(COMPLETIONS).inScenario("repair").whenScenarioStateIs("asked to repair")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(completion(STORIES))));
        try (PoWorkerProcess po = startPo()) {
            long epic = postEpic("Monthly report");

            assertThat(awaitEpic(epic, "REFINED").get("stories")).hasSize(3);
        }
        OPENAI.verify(2, postRequestedFor(urlEqualTo(COMPLETIONS)));
    }

    private static void answer(int status, String body) {
        OPENAI.stubFor(post(COMPLETIONS).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static String completion(String content) {
        return """
                {"id": "chatcmpl-e2e", "object": "chat.completion", "created": 1764140000, "model": "gpt-4o-mini",
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": %s, "refusal": null},
                              "logprobs": null, "finish_reason": "stop"}],
                 "usage": {"prompt_tokens": 812, "completion_tokens": 96, "total_tokens": 908}}"""
                .formatted(JsonMapper.builder().build().writeValueAsString(content));
    }

    private long postEpic(String title) {
        return api.postJson("/api/epics", "{\"title\": \"" + title + "\", \"description\": \"Team leads export the monthly "
                + "activity report as CSV and get it by e-mail.\", \"owner_id\": 1}").json().get("id").asLong();
    }

    private JsonNode awaitEpic(long epic, String status) {
        return PoRefinementEndToEndTest.awaitEpic(domainEvents, api, epic, status, Duration.ofSeconds(30));
    }
}
