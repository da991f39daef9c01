package dev.agentteam.cicd;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.agentteam.common.codehost.GitHubActions;
import dev.agentteam.common.codehost.GitHubProperties;
import dev.agentteam.common.sandbox.Sandbox;
import dev.agentteam.common.testreport.TestCommandRunner;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CicdAgentProperties.class)
class CicdAgentConfiguration {

    @Bean
    TestCommandRunner testCommandRunner(Sandbox sandbox, CicdAgentProperties properties) {
        return new TestCommandRunner(sandbox, properties.reportGlobs(), properties.maxReportSize().toBytes());
    }

    @Bean
    GitHubActions gitHubActions(GitHubProperties github) {
        return new GitHubActions(github);
    }
}
