package dev.agentteam.common.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.agentteam.common.task.AgentRole;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Ollama's and Anthropic's own wire formats through our retrying HTTP client. */
class OtherProvidersWireTest {

    private final WireMockServer server = new WireMockServer(options().dynamicPort());

    @BeforeEach
    void start() {
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private ChatModel model(Map<String, String> settings) {
        LlmProperties properties = new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("agentteam.llm", LlmProperties.class);
        return new ChatModelFactory(properties, () -> {
            throw new AssertionError("no scenarios needed");
        }).forRole(AgentRole.REVIEW);
    }

    @Test
    void ollamaNativeChatWithARetryAfterAServerError() {
        server.stubFor(post("/api/chat").inScenario("o").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        server.stubFor(post("/api/chat").inScenario("o").whenScenarioStateIs("up").willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("""
                        {"model": "qwen2.5-coder", "created_at": "2026-11-26T08:00:00Z",
                         "message": {"role": "assistant", "content": "Looks good."},
                         "done": true, "done_reason": "stop", "prompt_eval_count": 31, "eval_count": 4}""")));

        ChatResponse response = model(Map.of("agentteam.llm.provider", "ollama", "agentteam.llm.model", "qwen2.5-coder",
                "agentteam.llm.base-url", server.baseUrl(), "agentteam.llm.initial-backoff", "10ms"))
                .chat(dev.langchain4j.model.chat.request.ChatRequest.builder().messages(UserMessage.from("review")).build());

        assertThat(response.aiMessage().text()).isEqualTo("Looks good.");
        assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(31);
        server.verify(2, postRequestedFor(urlEqualTo("/api/chat")).withRequestBody(matchingJsonPath("$.model", equalTo("qwen2.5-coder"))));
    }

    @Test
    void anthropicMessagesApi() {
        server.stubFor(post("/v1/messages").willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                {"id": "msg_01", "type": "message", "role": "assistant", "model": "claude-test",
                 "content": [{"type": "text", "text": "Approve."}], "stop_reason": "end_turn", "stop_sequence": null,
                 "usage": {"input_tokens": 21, "output_tokens": 2}}""")));

        ChatResponse response = model(Map.of("agentteam.llm.provider", "anthropic", "agentteam.llm.model", "claude-test",
                "agentteam.llm.api-key", "sk-ant-test-key-123456789", "agentteam.llm.base-url", server.baseUrl() + "/v1/"))
                .chat(dev.langchain4j.model.chat.request.ChatRequest.builder().messages(UserMessage.from("review")).build());

        assertThat(response.aiMessage().text()).isEqualTo("Approve.");
        assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(2);
        server.verify(1, postRequestedFor(urlEqualTo("/v1/messages")).withHeader("x-api-key", equalTo("sk-ant-test-key-123456789")));
    }
}
