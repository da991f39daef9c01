package dev.agentteam.orchestrator.sprint;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SprintProperties.class)
class SprintConfiguration {
}
