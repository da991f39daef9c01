package dev.agentteam.po;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.agentteam.common.queue.ResultInbox;
import dev.agentteam.common.queue.TaskQueue;
import dev.agentteam.common.task.ResultStatus;
import dev.agentteam.common.task.TaskResult;
import dev.agentteam.common.testing.ContainerServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The PO worker against WireMock speaking OpenAI's chat-completions wire format. */
@SpringBootTest(properties = "spring.config.import=classpath:test-services.properties")
@Import(ContainerServices.class)
class PoOpenAiWireTest {

    static final WireMockServer OPENAI = new WireMockServer(options().dynamicPort());
    static final String COMPLETIONS = "/v1/chat/completions";
    static final String STORIES = """
            {"stories": [{"key": "S1", "title": "Export the report as CSV",
              "statement": "As a team lead, I want a CSV export, so that I can use a spreadsheet.",
              "acceptanceCriteria": [{"given": "a month with activity", "when": "I export", "then": "I get one row per activity"}],
              "estimate": 3, "priority": 1, "dependsOn": []}]}""";

    static {
        OPENAI.start();
    }

    @DynamicPropertySource
    static void openAi(DynamicPropertyRegistry registry) {
        registry.add("agentteam.llm.provider", () -> "openai");
        registry.add("agentteam.llm.base-url", () -> OPENAI.baseUrl() + "/v1");
        registry.add("agentteam.llm.model", () -> "gpt-4o-mini");
        // generous: on a loaded 2-core machine a local answer can take seconds, and a timeout here would be a retry
        registry.add("agentteam.llm.timeout", () -> "60s");
        registry.add("agentteam.llm.max-retries", () -> "1");
        registry.add("agentteam.llm.initial-backoff", () -> "10ms");
    }

    @AfterAll
    static void stop() {
        OPENAI.stop();
    }

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskQueue queue;
    @Autowired
    ResultInbox inbox;
    @Autowired
    StringRedisTemplate redis;

    PoWorkerHarness po;

    @BeforeEach
    void setUp() {
        po = new PoWorkerHarness(dataSource, jdbc, queue, inbox, redis);
        OPENAI.resetAll();
    }

    @Test
    void storiesComeBackOverTheOpenAiWireFormatAndTheTokenNeverLeavesTheProcess() {
        String token = "ghp_" + "Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4J3i2";
        answer(200, completion(STORIES));

        TaskResult result = po.refine(Map.of("epic_id", 1, "title", "Monthly report", "description",
                "Team leads export the monthly activity report. Token for the CI: " + token));

        assertThat(result.status()).isEqualTo(ResultStatus.SUCCEEDED);
        assertThat(result.output().get("stories").toString()).contains("Export the report as CSV");
        assertThat(result.usage().inputTokens()).isEqualTo(812);
        OPENAI.verify(1, postRequestedFor(urlEqualTo(COMPLETIONS))
                .withRequestBody(matchingJsonPath("$.model", com.github.tomakehurst.wiremock.client.WireMock.equalTo("gpt-4o-mini")))
                .withRequestBody(matchingJsonPath("$.response_format.type", com.github.tomakehurst.wiremock.client.WireMock.equalTo("json_object"))));
        String sent = OPENAI.getAllServeEvents().get(0).getRequest().getBodyAsString();
        assertThat(sent).contains("Product Owner agent", "[REDACTED:github-token]").doesNotContain(token);
        assertThat(po.auditRows(result.taskId())).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("model", "gpt-4o-mini").containsEntry("input_tokens", 812L)
                .containsEntry("output_tokens", 96L).containsEntry("prompt_version", "po_agent_v1"));
    }

    @Test
    void aProviderThatKeepsFailingIsARetryableFailureAndTheWorkerTakesTheNextTask() {
        answer(500, "{\"error\": {\"message\": \"The server had an error\", \"type\": \"server_error\"}}");

        TaskResult failed = po.refine(Map.of("epic_id", 1, "title", "Monthly report", "description", "Team leads export the report."));

        assertThat(failed.status()).isEqualTo(ResultStatus.FAILED);
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.error()).contains("500");
        OPENAI.verify(2, postRequestedFor(urlEqualTo(COMPLETIONS)));
        assertThat(po.auditRows(failed.taskId())).singleElement()
                .satisfies(row -> assertThat(row.get("decision").toString()).startsWith("error:"));

        OPENAI.resetAll();
        answer(200, completion(STORIES));
        TaskResult next = po.refine(Map.of("epic_id", 1, "title", "Monthly report", "description", "Team leads export the report."));
        assertThat(next.status()).isEqualTo(ResultStatus.SUCCEEDED);
    }

    private static void answer(int status, String body) {
        OPENAI.stubFor(post(COMPLETIONS).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    static String completion(String content) {
        return """
                {"id": "chatcmpl-po1", "object": "chat.completion", "created": 1764140000, "model": "gpt-4o-mini",
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": %s, "refusal": null},
                              "logprobs": null, "finish_reason": "stop"}],
                 "usage": {"prompt_tokens": 812, "completion_tokens": 96, "total_tokens": 908}}"""
                .formatted(JsonMapper.builder().build().writeValueAsString(content));
    }
}
