package dev.agentteam.common.llm;

import dev.agentteam.common.llm.LlmProperties.ModelSettings;
import dev.agentteam.common.task.AgentRole;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds (once per role) the LangChain4j {@link ChatModel} the settings ask for. Provider models get
 * LangChain4j's retry switched off and a {@link ResilientHttpClient} that owns timeouts and retries.
 */
public class ChatModelFactory {

    private static final Logger log = LoggerFactory.getLogger(ChatModelFactory.class);

    private final LlmProperties properties;
    private final Supplier<ScenarioLibrary> scenarios;
    private final Map<AgentRole, ChatModel> models = new ConcurrentHashMap<>();

    public ChatModelFactory(LlmProperties properties, Supplier<ScenarioLibrary> scenarios) {
        this.properties = properties;
        this.scenarios = scenarios;
        for (AgentRole role : AgentRole.values()) {
            if (properties.forRole(role).provider() == LlmProvider.SCRIPTED) {
                announceScripted();
                break;
            }
        }
    }

    public ChatModel forRole(AgentRole role) {
        return models.computeIfAbsent(role, r -> build(properties.forRole(r)));
    }

    /** The model name recorded in agent_logs and used for pricing. */
    public String modelName(AgentRole role) {
        ModelSettings s = properties.forRole(role);
        return s.provider() == LlmProvider.SCRIPTED ? ScriptedChatModel.MODEL_NAME : s.model();
    }

    private ChatModel build(ModelSettings s) {
        if (s.provider() == LlmProvider.SCRIPTED) {
            return new ScriptedChatModel(s.role(), scenarios.get());
        }
        if (s.model() == null || s.model().isBlank()) {
            throw new IllegalStateException("agentteam.llm.model (or agentteam.llm.roles." + s.role().key()
                    + ".model) must be set for provider " + s.provider().name().toLowerCase());
        }
        ResilientHttpClientBuilder http = new ResilientHttpClientBuilder(
                new RetryPolicy(s.maxRetries(), s.initialBackoff(), s.maxBackoff()), s.timeout());
        log.info("role {} uses {} model {} at {}", s.role().key(), s.provider().name().toLowerCase(), s.model(),
                s.baseUrl() == null ? "the provider's default endpoint" : s.baseUrl());
        return switch (s.provider()) {
            case OPENAI -> OpenAiChatModel.builder()
                    .baseUrl(s.baseUrl() == null ? "https://api.openai.com/v1" : s.baseUrl())
                    // local OpenAI-compatible servers ignore the key, but the header must be present
                    .apiKey(s.apiKey() == null || s.apiKey().isBlank() ? "no-key" : s.apiKey())
                    .modelName(s.model()).temperature(s.temperature()).timeout(s.timeout()).maxRetries(0)
                    .httpClientBuilder(http).build();
            case OLLAMA -> OllamaChatModel.builder()
                    .baseUrl(s.baseUrl() == null ? "http://localhost:11434" : s.baseUrl())
                    .modelName(s.model()).temperature(s.temperature()).timeout(s.timeout()).maxRetries(0)
                    .httpClientBuilder(http).build();
            case ANTHROPIC -> anthropic(s, http);
            case SCRIPTED -> throw new IllegalStateException("unreachable");
        };
    }

    private static ChatModel anthropic(ModelSettings s, ResilientHttpClientBuilder http) {
        if (s.apiKey() == null || s.apiKey().isBlank()) {
            throw new IllegalStateException("provider anthropic needs an API key: set AGENTTEAM_LLM_API_KEY");
        }
        AnthropicChatModel.AnthropicChatModelBuilder b = AnthropicChatModel.builder().apiKey(s.apiKey())
                .modelName(s.model()).temperature(s.temperature()).timeout(s.timeout()).maxRetries(0)
                .httpClientBuilder(http);
        if (s.baseUrl() != null) {
            b.baseUrl(s.baseUrl());
        }
        return b.build();
    }

    private static void announceScripted() {
        String line = "*".repeat(72);
        log.warn("\n{}\n*  SCRIPTED DEMO MODEL — responses are canned, not AI ({})\n*  "
                + "Set AGENTTEAM_LLM_PROVIDER=openai|ollama|anthropic for a real model.\n{}",
                line, ScriptedChatModel.MODEL_NAME, line);
    }
}
