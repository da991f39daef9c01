package dev.agentteam.common.llm;

import dev.agentteam.common.audit.AgentLogWriter;
import dev.agentteam.common.audit.AuditAutoConfiguration;
import dev.agentteam.common.prompt.PromptRegistry;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.util.function.SingletonSupplier;

/**
 * The LLM gateway: chat models per role, sessions with budgets and audit, structured output, prompts.
 * Processes that never call a model (the orchestrator) switch it off with {@code agentteam.llm.enabled=false}.
 */
@AutoConfiguration(after = AuditAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "agentteam.llm.enabled", matchIfMissing = true)
@EnableConfigurationProperties(LlmProperties.class)
public class LlmAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LlmAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    ChatModelFactory chatModelFactory(LlmProperties properties) {
        // scenarios are read only when a role actually uses the scripted model
        return new ChatModelFactory(properties,
                SingletonSupplier.of(() -> ScenarioLibrary.load(properties.scripted().scenarios())));
    }

    @Bean
    @ConditionalOnMissingBean
    LlmGateway llmGateway(ChatModelFactory models, LlmProperties properties, ObjectProvider<AgentLogWriter> audit) {
        AgentLogWriter writer = audit.getIfAvailable();
        if (writer == null) {
            log.warn("no DataSource: model calls will NOT be written to agent_logs");
        }
        return new LlmGateway(models, properties, writer);
    }

    @Bean
    @ConditionalOnMissingBean
    StructuredOutput structuredOutput() {
        return new StructuredOutput();
    }

    @Bean
    @ConditionalOnMissingBean
    PromptRegistry promptRegistry(Environment environment) {
        // agentteam.prompts.<role>.version: a map keyed by role, bound directly
        Map<String, Integer> versions = Binder.get(environment)
                .bind("agentteam.prompts", Bindable.mapOf(String.class, PromptSelection.class))
                .orElse(Map.of()).entrySet().stream()
                .filter(e -> e.getValue().version() != null)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().version()));
        return new PromptRegistry(PromptRegistry.loadClasspath(), versions);
    }

    /** {@code agentteam.prompts.<role>.version}. */
    record PromptSelection(Integer version) {
    }
}
