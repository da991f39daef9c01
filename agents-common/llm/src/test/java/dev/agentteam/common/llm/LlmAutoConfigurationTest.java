package dev.agentteam.common.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentteam.common.audit.AuditAutoConfiguration;
import dev.agentteam.common.audit.SecretRedactor;
import dev.agentteam.common.prompt.PromptRegistry;
import dev.agentteam.common.task.AgentRole;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class LlmAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AuditAutoConfiguration.class, LlmAutoConfiguration.class));

    @Test
    void scriptedIsTheDefaultAndAnnouncesItselfLoudly(CapturedOutput output) {
        runner.run(context -> {
            ChatModelFactory factory = context.getBean(ChatModelFactory.class);
            assertThat(factory.forRole(AgentRole.PO)).isInstanceOf(ScriptedChatModel.class);
            assertThat(factory.modelName(AgentRole.PO)).isEqualTo("scripted-demo");
            assertThat(context).hasSingleBean(LlmGateway.class).hasSingleBean(StructuredOutput.class)
                    .doesNotHaveBean(dev.agentteam.common.audit.AgentLogWriter.class);
        });
        assertThat(output.getOut()).contains("SCRIPTED DEMO MODEL — responses are canned, not AI");
    }

    @Test
    void perRoleOverridesPickTheirOwnProvider(CapturedOutput output) {
        runner.withPropertyValues("agentteam.llm.provider=openai", "agentteam.llm.model=gpt-4o-mini",
                        "agentteam.llm.api-key=sk-live-Abc123Def456Ghi789",
                        "agentteam.llm.roles.dev.provider=ollama", "agentteam.llm.roles.dev.model=qwen2.5-coder",
                        "agentteam.llm.roles.dev.base-url=http://ollama:11434")
                .run(context -> {
                    ChatModelFactory factory = context.getBean(ChatModelFactory.class);
                    assertThat(factory.forRole(AgentRole.PO)).isInstanceOf(OpenAiChatModel.class);
                    assertThat(factory.forRole(AgentRole.DEV)).isInstanceOf(OllamaChatModel.class);
                    assertThat(factory.modelName(AgentRole.DEV)).isEqualTo("qwen2.5-coder");
                    assertThat(context.getBean(SecretRedactor.class).redact("key sk-live-Abc123Def456Ghi789"))
                            .isEqualTo("key [REDACTED:configured-secret]");
                });
        assertThat(output.getOut()).doesNotContain("SCRIPTED DEMO MODEL").doesNotContain("sk-live-Abc123Def456Ghi789");
    }

    @Test
    void aRealProviderWithoutAModelFailsClearly() {
        runner.withPropertyValues("agentteam.llm.provider=ollama").run(context -> {
            ChatModelFactory factory = context.getBean(ChatModelFactory.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> factory.forRole(AgentRole.PO))
                    .hasMessageContaining("agentteam.llm.model (or agentteam.llm.roles.po.model) must be set for provider ollama");
        });
    }

    @Test
    void anthropicWithoutAKeyFailsClearly() {
        runner.withPropertyValues("agentteam.llm.provider=anthropic", "agentteam.llm.model=claude-sonnet-4-5").run(context ->
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> context.getBean(ChatModelFactory.class).forRole(AgentRole.QA))
                        .hasMessageContaining("AGENTTEAM_LLM_API_KEY"));
    }

    @Test
    void canBeSwitchedOffForProcessesThatNeverCallAModel(CapturedOutput output) {
        runner.withPropertyValues("agentteam.llm.enabled=false").run(context ->
                assertThat(context).doesNotHaveBean(ChatModelFactory.class).doesNotHaveBean(LlmGateway.class)
                        .hasSingleBean(SecretRedactor.class));
        assertThat(output.getOut()).doesNotContain("SCRIPTED DEMO MODEL");
    }

    @Test
    void activePromptVersionComesFromSettings() {
        runner.withPropertyValues("agentteam.prompts.po.version=1").run(context ->
                assertThat(context.getBean(PromptRegistry.class).active(AgentRole.PO).id()).isEqualTo("po_agent_v1"));
        runner.withPropertyValues("agentteam.prompts.po.version=9").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("po_agent_v9.md does not exist"));
    }
}
