package dev.agentteam.scrum;

import dev.agentteam.common.llm.LlmGateway;
import dev.agentteam.common.llm.StructuredOutput;
import dev.agentteam.common.prompt.PromptRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One handler per Scrum task type, sharing one writer; the worker runtime (agents-common) finds them by type. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScrumAgentProperties.class)
class ScrumAgentConfiguration {

    @Bean
    ScrumWriter scrumWriter(LlmGateway gateway, PromptRegistry prompts, StructuredOutput structured,
                            ScrumAgentProperties settings) {
        return new ScrumWriter(gateway, prompts, structured, settings);
    }

    @Bean
    ScrumTaskHandler planSprintHandler(ScrumWriter writer) {
        return new ScrumTaskHandler(ScrumTask.PLAN_SPRINT, writer);
    }

    @Bean
    ScrumTaskHandler writeRetroHandler(ScrumWriter writer) {
        return new ScrumTaskHandler(ScrumTask.WRITE_RETRO, writer);
    }
}
