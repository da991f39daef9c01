package dev.agentteam.orchestrator.task;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TaskProperties.class)
@EnableScheduling
class TaskConfiguration {
}
