package dev.agentteam.dev;

import dev.agentteam.common.codehost.CodeHosts;
import dev.agentteam.common.llm.LlmGateway;
import dev.agentteam.common.prompt.PromptRegistry;
import dev.agentteam.common.retrieval.CodeRetrieval;
import dev.agentteam.common.sandbox.Sandbox;
import dev.agentteam.common.task.TaskType;
import dev.agentteam.common.worker.TaskHandler;
import dev.agentteam.common.workspace.GitWorkspaces;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Dev agent's settings, how it reaches repositories, and its change-round handlers. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DevAgentProperties.class)
class DevAgentConfiguration {

    @Bean
    @ConditionalOnMissingBean(RepositoryAccess.class)
    RepositoryAccess repositoryAccess(CodeHosts codeHosts) {
        return new ConfiguredRepositoryAccess(codeHosts);
    }

    @Bean
    DevKit devKit(GitWorkspaces workspaces, Sandbox sandbox, LlmGateway gateway, PromptRegistry prompts, RepositoryAccess access,
                  DevAgentProperties properties, CodeRetrieval retrieval) {
        return new DevKit(workspaces, sandbox, gateway, prompts, access, properties, retrieval);
    }

    /** {@code dev.address_review}: a change round for the comments of a review that requested changes. */
    @Bean
    TaskHandler addressReviewHandler(DevKit kit) {
        return new ChangeRoundHandler(TaskType.DEV_ADDRESS_REVIEW, kit);
    }

    /** {@code dev.fix_regression}: a change round for the regressions QA found in a red CI run. */
    @Bean
    TaskHandler fixRegressionHandler(DevKit kit) {
        return new ChangeRoundHandler(TaskType.DEV_FIX_REGRESSION, kit);
    }
}
