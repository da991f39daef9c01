package dev.agentteam.common.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentteam.common.task.AgentRole;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class LlmPropertiesTest {

    private static LlmProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("agentteam.llm", LlmProperties.class);
    }

    @Test
    void defaultsAreTheScriptedModelWithSaneLimits() {
        LlmProperties p = bind(Map.of());

        assertThat(p.provider()).isEqualTo(LlmProvider.SCRIPTED);
        assertThat(p.timeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(p.maxRetries()).isEqualTo(3);
        assertThat(p.scripted().scenarios()).isEqualTo("classpath:prompts/scenarios");
        assertThat(p.budget().maxSteps()).isEqualTo(40);
    }

    @Test
    void roleOverridesInheritWhatTheyDoNotSet() {
        LlmProperties p = bind(Map.of("agentteam.llm.provider", "openai", "agentteam.llm.model", "gpt-4o-mini",
                "agentteam.llm.api-key", "top-level-key-123", "agentteam.llm.roles.dev.model", "gpt-4.1",
                "agentteam.llm.roles.dev.timeout", "5m"));

        LlmProperties.ModelSettings dev = p.forRole(AgentRole.DEV);
        LlmProperties.ModelSettings po = p.forRole(AgentRole.PO);

        assertThat(dev.provider()).isEqualTo(LlmProvider.OPENAI);
        assertThat(dev.model()).isEqualTo("gpt-4.1");
        assertThat(dev.apiKey()).isEqualTo("top-level-key-123");
        assertThat(dev.timeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(po.model()).isEqualTo("gpt-4o-mini");
        assertThat(po.timeout()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void theApiKeyNeverShowsInToString() {
        LlmProperties p = bind(Map.of("agentteam.llm.api-key", "top-level-key-123",
                "agentteam.llm.roles.qa.api-key", "role-level-key-456"));

        assertThat(p.toString()).doesNotContain("top-level-key-123").doesNotContain("role-level-key-456")
                .contains("apiKey=(set)");
        assertThat(p.forRole(AgentRole.QA).toString()).doesNotContain("role-level-key-456");
    }
}
