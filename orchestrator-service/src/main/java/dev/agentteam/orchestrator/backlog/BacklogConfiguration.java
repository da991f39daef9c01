package dev.agentteam.orchestrator.backlog;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BacklogProperties.class)
class BacklogConfiguration {
}
