package dev.agentteam.common.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.agentteam.common.testing.ContainerServices;
import dev.agentteam.common.task.AgentRole;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The gateway against WireMock speaking OpenAI's chat-completions wire format, auditing into real Postgres. */
@SpringBootTest(classes = LlmGatewayIntegrationTest.App.class)
@Import(ContainerServices.class)
class LlmGatewayIntegrationTest {

    static final String API_KEY = "sk-test-Configured-Key-0123456789";
    static final WireMockServer OPENAI = new WireMockServer(options().dynamicPort());
    static final String COMPLETIONS = "/v1/chat/completions";

    static {
        OPENAI.start();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }

    @DynamicPropertySource
    static void llm(DynamicPropertyRegistry registry) {
        registry.add("agentteam.llm.provider", () -> "openai");
        registry.add("agentteam.llm.base-url", () -> OPENAI.baseUrl() + "/v1");
        registry.add("agentteam.llm.api-key", () -> API_KEY);
        registry.add("agentteam.llm.model", () -> "gpt-test");
        // generous: on a loaded 2-core machine a local answer can take seconds, and a timeout here would be a retry
        registry.add("agentteam.llm.timeout", () -> "60s");
        registry.add("agentteam.llm.max-retries", () -> "2");
        registry.add("agentteam.llm.initial-backoff", () -> "20ms");
        registry.add("agentteam.llm.budget.max-steps", () -> "3");
        registry.add("agentteam.llm.roles.qa.timeout", () -> "300ms");
        registry.add("agentteam.llm.roles.qa.max-retries", () -> "0");
        registry.add("agentteam.llm.prices.gpt-test.input-per-mtok", () -> "2.50");
        registry.add("agentteam.llm.prices.gpt-test.output-per-mtok", () -> "10.00");
    }

    @AfterAll
    static void stop() {
        OPENAI.stop();
    }

    @Autowired
    LlmGateway gateway;
    @Autowired
    StructuredOutput structured;
    @Autowired
    JdbcClient jdbc;

    private String traceId;
    private long taskId;

    @BeforeEach
    void setUp(@Autowired DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("filesystem:../../migrations").load().migrate();
        OPENAI.resetAll();
        traceId = "trace-" + UUID.randomUUID();
        taskId = jdbc.sql("insert into tasks (type, assigned_to, trace_id) values ('po.refine_epic', 'po', ?) returning id")
                .params(traceId).query(Long.class).single();
    }

    private ModelSession session() {
        return gateway.open(new ModelCallContext(AgentRole.PO, taskId, 2, traceId, "po_agent_v1"));
    }

    private static String completion(String content, int promptTokens, int completionTokens) {
        return """
                {"id": "chatcmpl-abc123", "object": "chat.completion", "created": 1764140000, "model": "gpt-test",
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": %s, "refusal": null},
                              "logprobs": null, "finish_reason": "stop"}],
                 "usage": {"prompt_tokens": %d, "completion_tokens": %d, "total_tokens": %d},
                 "system_fingerprint": "fp_test"}""".formatted(JsonMapper.builder().build().writeValueAsString(content),
                promptTokens, completionTokens, promptTokens + completionTokens);
    }

    private static void answer(String content) {
        OPENAI.stubFor(post(COMPLETIONS).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(completion(content, 1000, 200))));
    }

    private List<Map<String, Object>> rows() {
        return jdbc.sql("select * from agent_logs where trace_id = ? order by id").params(traceId).query().listOfRows();
    }

    @Test
    void aCallIsAuditedWithTokensCostLatencyModelAndPromptVersion() {
        answer("Hello from the model");

        ChatResponse response = session().chat(List.of(SystemMessage.from("You are the PO."), UserMessage.from("Split this epic")));

        assertThat(response.aiMessage().text()).isEqualTo("Hello from the model");
        OPENAI.verify(1, postRequestedFor(urlEqualTo(COMPLETIONS))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-test"))));
        List<Map<String, Object>> rows = rows();
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        assertThat(row.get("agent")).isEqualTo("po");
        assertThat(((Number) row.get("task_id")).longValue()).isEqualTo(taskId);
        assertThat(row.get("attempt")).isEqualTo(2);
        assertThat((String) row.get("prompt")).contains("[system]\nYou are the PO.").contains("[user]\nSplit this epic");
        assertThat(row.get("response")).isEqualTo("Hello from the model");
        assertThat(row.get("decision")).isEqualTo("answer");
        assertThat(row.get("model")).isEqualTo("gpt-test");
        assertThat(row.get("prompt_version")).isEqualTo("po_agent_v1");
        assertThat(((Number) row.get("input_tokens")).longValue()).isEqualTo(1000);
        assertThat(((Number) row.get("output_tokens")).longValue()).isEqualTo(200);
        // 1000 × 2.50 / 1M + 200 × 10 / 1M
        assertThat((BigDecimal) row.get("cost_usd")).isEqualByComparingTo("0.004500");
        assertThat(((Number) row.get("latency_ms")).longValue()).isGreaterThanOrEqualTo(0);
        assertThat(row.get("metadata").toString()).contains("\"finishReason\": \"STOP\"");
    }

    @Test
    void toolCallsAreParsedAndAudited() {
        OPENAI.stubFor(post(COMPLETIONS).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                {"id": "chatcmpl-tools", "object": "chat.completion", "created": 1764140000, "model": "gpt-test",
                 "choices": [{"index": 0, "finish_reason": "tool_calls",
                   "message": {"role": "assistant", "content": null, "tool_calls": [
                     {"id": "call_1", "type": "function", "function": {"name": "read_file", "arguments": "{\\"path\\":\\"README.md\\"}"}}]}}],
                 "usage": {"prompt_tokens": 50, "completion_tokens": 10, "total_tokens": 60}}""")));

        ChatResponse response = session().chat(List.of(UserMessage.from("Read the readme")));

        assertThat(response.aiMessage().toolExecutionRequests()).singleElement()
                .satisfies(call -> assertThat(call.name() + call.arguments()).isEqualTo("read_file{\"path\":\"README.md\"}"));
        Map<String, Object> row = rows().get(0);
        assertThat(row.get("decision")).isEqualTo("tool_calls: read_file");
        assertThat(row.get("metadata").toString()).contains("\"name\": \"read_file\"");
    }

    @Test
    void rateLimitRetryAfterIsWaitedOutThenTheCallSucceeds() {
        OPENAI.stubFor(post(COMPLETIONS).inScenario("rate").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withBody("{\"error\": {\"message\": \"Rate limit reached\", \"type\": \"requests\"}}"))
                .willSetStateTo("open"));
        OPENAI.stubFor(post(COMPLETIONS).inScenario("rate").whenScenarioStateIs("open")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(completion("ok", 10, 2))));

        long start = System.nanoTime();
        ChatResponse response = session().chat(List.of(UserMessage.from("hi")));
        long waitedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(response.aiMessage().text()).isEqualTo("ok");
        OPENAI.verify(2, postRequestedFor(urlEqualTo(COMPLETIONS)));
        // the header said 1 s; the configured backoff alone would have waited only 20 ms
        assertThat(waitedMs).isGreaterThanOrEqualTo(900);
        assertThat(rows()).hasSize(1);
    }

    @Test
    void persistentServerErrorsEndInModelUnavailableAfterMaxRetries() {
        OPENAI.stubFor(post(COMPLETIONS).willReturn(aResponse().withStatus(500).withBody("{\"error\": {\"message\": \"boom\"}}")));

        assertThatThrownBy(() -> session().chat(List.of(UserMessage.from("hi"))))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("HTTP 500 after 3 attempt(s)")
                .satisfies(e -> assertThat(((LlmException) e).retryable()).isTrue());
        OPENAI.verify(3, postRequestedFor(urlEqualTo(COMPLETIONS)));
        assertThat(rows()).singleElement().satisfies(row -> assertThat((String) row.get("decision")).startsWith("error: "));
    }

    @Test
    void connectionResetsAreRetriedThenReportedAsUnavailable() {
        OPENAI.stubFor(post(COMPLETIONS).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> session().chat(List.of(UserMessage.from("hi"))))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("unreachable after 3 attempt(s)");
        OPENAI.verify(3, postRequestedFor(urlEqualTo(COMPLETIONS)));
    }

    @Test
    void aSlowProviderTimesOutWithThePerRoleTimeout() {
        OPENAI.stubFor(post(COMPLETIONS).willReturn(aResponse().withFixedDelay(2000)
                .withHeader("Content-Type", "application/json").withBody(completion("late", 1, 1))));
        ModelSession qa = gateway.open(new ModelCallContext(AgentRole.QA, taskId, 1, traceId, "qa_agent_v1"));

        assertThatThrownBy(() -> qa.chat(List.of(UserMessage.from("hi"))))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("HttpTimeoutException");
        OPENAI.verify(1, postRequestedFor(urlEqualTo(COMPLETIONS)));
    }

    @Test
    void aBadRequestIsPermanentWithTheProvidersMessage() {
        OPENAI.stubFor(post(COMPLETIONS).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\": {\"message\": \"The model `gpt-test` does not exist\", \"type\": \"invalid_request_error\"}}")));

        assertThatThrownBy(() -> session().chat(List.of(UserMessage.from("hi"))))
                .isInstanceOf(ModelRequestRejectedException.class)
                .hasMessageContaining("does not exist")
                .satisfies(e -> assertThat(((LlmException) e).retryable()).isFalse());
        OPENAI.verify(1, postRequestedFor(urlEqualTo(COMPLETIONS)));
    }

    @Test
    void malformedJsonGetsExactlyOneRepairCallThenFails() {
        answer("Sure! Here are the stories: {stories: [oops");
        JsonNode schema = JsonMapper.builder().build().readTree("{\"type\": \"object\", \"required\": [\"stories\"]}");

        assertThatThrownBy(() -> structured.ask(session(), List.of(UserMessage.from("Split this epic, answer in JSON")), schema))
                .isInstanceOf(InvalidModelOutputException.class)
                .hasMessageContaining("not parseable JSON");
        OPENAI.verify(2, postRequestedFor(urlEqualTo(COMPLETIONS)));
        OPENAI.verify(1, postRequestedFor(urlEqualTo(COMPLETIONS)).withRequestBody(containing("Your previous answer was not valid")));
        OPENAI.verify(2, postRequestedFor(urlEqualTo(COMPLETIONS)).withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_object"))));
    }

    @Test
    void aRepairedAnswerIsAccepted() {
        OPENAI.stubFor(post(COMPLETIONS).inScenario("repair").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(completion("{\"clarify\": 3}", 10, 2)))
                .willSetStateTo("second"));
        OPENAI.stubFor(post(COMPLETIONS).inScenario("repair").whenScenarioStateIs("second")
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(completion("```json\n{\"clarify\": [\"Who are the users?\"]}\n```", 10, 2))));
        JsonNode schema = JsonMapper.builder().build().readTree("""
                {"type": "object", "required": ["clarify"], "properties": {"clarify": {"type": "array", "items": {"type": "string"}}}}""");

        JsonNode answer = structured.ask(session(), List.of(UserMessage.from("answer in JSON")), schema);

        assertThat(answer.get("clarify").get(0).asString()).isEqualTo("Who are the users?");
        OPENAI.verify(1, postRequestedFor(urlEqualTo(COMPLETIONS)).withRequestBody(containing("$.clarify: integer found, array expected")));
    }

    @Test
    void anExhaustedBudgetStopsBeforeTheCall() {
        answer("fine");
        ModelSession session = session();
        for (int i = 0; i < 3; i++) {
            session.chat(List.of(UserMessage.from("step " + i)));
        }
        OPENAI.resetRequests();

        assertThatThrownBy(() -> session.chat(List.of(UserMessage.from("one more"))))
                .isInstanceOf(BudgetExceededException.class)
                .hasMessage("budget 'max-steps' exceeded: used 3 model calls of 3");
        OPENAI.verify(0, postRequestedFor(urlEqualTo(COMPLETIONS)));
        assertThat(session.usage().totalTokens()).isEqualTo(3 * 1200);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void springBootsConsoleLogIsRedacted(CapturedOutput output) {
        LoggerFactory.getLogger("dev.agentteam.example").info("calling with key {}", API_KEY);

        assertThat(output.getOut()).contains("calling with key [REDACTED:configured-secret]").doesNotContain(API_KEY);
    }

    @Test
    void plantedTokensAndTheConfiguredKeyAreStoredRedacted() {
        answer("I will not repeat ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8");
        String planted = "ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";

        session().chat(List.of(UserMessage.from("Use token " + planted + " and key " + API_KEY)));

        Map<String, Object> row = rows().get(0);
        String stored = row.get("prompt") + " " + row.get("response") + " " + row.get("metadata");
        assertThat(stored).doesNotContain(planted).doesNotContain(API_KEY)
                .contains("Use token [REDACTED:github-token] and key [REDACTED:configured-secret]");
        assertThat((String) row.get("response")).isEqualTo("I will not repeat [REDACTED:github-token]");
    }
}
