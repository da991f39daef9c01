package dev.agentteam.po;

import dev.agentteam.common.audit.SecretRedactor;
import dev.agentteam.common.llm.LlmGateway;
import dev.agentteam.common.llm.StructuredOutput;
import dev.agentteam.common.prompt.PromptRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The PO agent's role logic: the {@code po.refine_epic} handler. The worker, the gateway and the prompts come from
 * agents-common; a test may import this configuration into a context of its own to run a real PO worker.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PoAgentProperties.class)
public class PoAgentConfiguration {

    @Bean
    PoTaskHandler poTaskHandler(LlmGateway gateway, StructuredOutput structuredOutput, PromptRegistry prompts,
                                SecretRedactor redactor, PoAgentProperties properties) {
        return new PoTaskHandler(gateway, structuredOutput, prompts,
                new EpicMessage(redactor, properties.maxEpicChars()), new StoryRules(properties), properties);
    }
}
