package dev.agentteam.orchestrator.devwork;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DevWorkProperties.class)
class DevWorkConfiguration {
}
