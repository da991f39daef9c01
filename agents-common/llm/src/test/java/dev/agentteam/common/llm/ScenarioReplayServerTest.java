package dev.agentteam.common.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentteam.common.task.AgentRole;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The real {@code openai} provider (LangChain4j over our retrying HTTP client) against the replay server. */
class ScenarioReplayServerTest {

    private static final String KEY = "sk-replay-Test-Key-0123456789";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ScenarioReplayServer server = ScenarioReplayServer.start(
            ScenarioLibrary.load("classpath:replay-scenarios"), AgentRole.DEV, KEY, 0);

    @AfterEach
    void stop() {
        server.close();
    }

    private ModelSession session(AgentRole role, Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of("agentteam.llm.provider", "openai",
                "agentteam.llm.base-url", server.baseUrl(role), "agentteam.llm.api-key", KEY,
                "agentteam.llm.model", "gpt-replay", "agentteam.llm.max-retries", "2",
                "agentteam.llm.initial-backoff", "100ms", "agentteam.llm.timeout", "10s",
                "agentteam.llm.prices.gpt-replay.input-per-mtok", "2", "agentteam.llm.prices.gpt-replay.output-per-mtok", "10"));
        settings.putAll(extra);
        LlmProperties properties = new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("agentteam.llm", LlmProperties.class);
        LlmGateway gateway = new LlmGateway(new ChatModelFactory(properties, () -> {
            throw new AssertionError("the scripted model must not be used");
        }), properties, null);
        return gateway.open(new ModelCallContext(role, 1L, 1, "trace", role.key() + "_agent_v1"));
    }

    @Test
    void toolCallsAndTokenUsageTravelOverTheOpenAiWireFormat() {
        ModelSession session = session(AgentRole.DEV, Map.of());
        ToolSpecification readFile = ToolSpecification.builder().name("read_file").description("reads a file")
                .parameters(JsonObjectSchema.builder().addStringProperty("path").required("path").build()).build();
        List<ChatMessage> messages = new java.util.ArrayList<>(List.of(UserMessage.from("implement the story")));

        ChatResponse first = session.chat(ChatRequest.builder().messages(messages).toolSpecifications(readFile).build());

        assertThat(first.aiMessage().toolExecutionRequests()).singleElement().satisfies(call -> {
            assertThat(call.name()).isEqualTo("read_file");
            assertThat(JSON.readTree(call.arguments()).path("path").asString()).isEqualTo("README.md");
        });
        ToolExecutionRequest call = first.aiMessage().toolExecutionRequests().get(0);
        messages.add(first.aiMessage());
        messages.add(ToolExecutionResultMessage.from(call, "# readme"));
        ChatResponse second = session.chat(ChatRequest.builder().messages(messages).toolSpecifications(readFile).build());

        assertThat(second.aiMessage().text()).isEqualTo("done");
        assertThat(session.usage().inputTokens()).isEqualTo(2200);
        assertThat(session.usage().outputTokens()).isEqualTo(60);
        // (2200 × $2 + 60 × $10) per million tokens
        assertThat(session.usage().estimatedCostUsd()).isEqualByComparingTo(new BigDecimal("0.005"));
        JsonNode secondRequest = JSON.readTree(server.requests().get(1));
        assertThat(secondRequest.path("model").asString()).isEqualTo("gpt-replay");
        assertThat(secondRequest.path("tools").get(0).path("function").path("name").asString()).isEqualTo("read_file");
        assertThat(secondRequest.path("messages").get(2).path("role").asString()).isEqualTo("tool");
        assertThat(secondRequest.path("messages").get(2).path("content").asString()).isEqualTo("# readme");
    }

    @Test
    void a429IsRetriedHonouringRetryAfterAndThenAnswered() {
        ModelSession session = session(AgentRole.DEV, Map.of());

        ChatResponse answer = session.chat(ChatRequest.builder().messages(UserMessage.from("replay: 429 twice")).build());

        assertThat(answer.aiMessage().text()).isEqualTo("finally");
        assertThat(server.requests()).hasSize(3);
        assertThat(session.steps()).isEqualTo(1);
    }

    @Test
    void a500ThatNeverEndsIsRetriedWithBackoffThenFailsClearlyAndRetryably() {
        ModelSession session = session(AgentRole.DEV, Map.of());
        long start = System.nanoTime();

        assertThatThrownBy(() -> session.chat(ChatRequest.builder().messages(UserMessage.from("replay: 500 always")).build()))
                .isInstanceOfSatisfying(ModelUnavailableException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessageContaining("HTTP 500 after 3 attempt(s)");
        assertThat(server.requests()).hasSize(3);
        // backoff 100 ms then 200 ms
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
    }

    @Test
    void aWrongKeyIsRejectedWithoutRetry() {
        ModelSession session = session(AgentRole.DEV, Map.of("agentteam.llm.api-key", "sk-wrong-key-000000000000"));

        assertThatThrownBy(() -> session.chat(ChatRequest.builder().messages(UserMessage.from("hello")).build()))
                .isInstanceOfSatisfying(ModelRequestRejectedException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("401");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void truncatedJsonGetsOneRepairCallThenFailsClearly() {
        ModelSession session = session(AgentRole.PO, Map.of());

        assertThatThrownBy(() -> new StructuredOutput().ask(session, List.of(UserMessage.from("replay: truncated json")), schema()))
                .isInstanceOf(InvalidModelOutputException.class).hasMessageContaining("even after one repair call")
                .hasMessageContaining("not parseable JSON");
        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(1)).contains("Your previous answer was not valid");
    }

    @Test
    void truncatedJsonRepairedOnTheSecondCallIsAccepted() {
        ModelSession session = session(AgentRole.PO, Map.of());

        JsonNode answer = new StructuredOutput().ask(session, List.of(UserMessage.from("replay: repaired json")), schema());

        assertThat(answer.path("stories").get(0).path("title").asString()).isEqualTo("Sign up");
        assertThat(session.steps()).isEqualTo(2);
    }

    @Test
    void theSameToolCallThreeAnswersInARowIsStoppedAsALoop() {
        ModelSession session = session(AgentRole.DEV, Map.of());
        List<ChatMessage> messages = new java.util.ArrayList<>(List.of(UserMessage.from("replay: loop")));

        assertThatThrownBy(() -> {
            for (int i = 0; i < 4; i++) {
                AiMessage ai = session.chat(ChatRequest.builder().messages(messages).build()).aiMessage();
                messages.add(ai);
                messages.add(ToolExecutionResultMessage.from(ai.toolExecutionRequests().get(0), "same content"));
            }
        }).isInstanceOfSatisfying(RepeatedToolCallException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("repeated the same tool call 3 times").hasMessageContaining("read_file");
        assertThat(server.requests()).hasSize(3);
    }

    private static JsonNode schema() {
        return JSON.readTree("""
                {"type": "object", "required": ["stories"], "properties": {"stories": {"type": "array", "minItems": 1,
                  "items": {"type": "object", "required": ["title"], "properties": {"title": {"type": "string"}}}}}}""");
    }
}
