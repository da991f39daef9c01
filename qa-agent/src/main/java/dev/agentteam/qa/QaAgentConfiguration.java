package dev.agentteam.qa;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.agentteam.common.sandbox.Sandbox;
import dev.agentteam.common.testreport.TestCommandRunner;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QaAgentProperties.class)
class QaAgentConfiguration {

    @Bean
    TestCommandRunner testCommandRunner(Sandbox sandbox, QaAgentProperties properties) {
        return new TestCommandRunner(sandbox, properties.reportGlobs(), properties.maxReportSize().toBytes());
    }
}
