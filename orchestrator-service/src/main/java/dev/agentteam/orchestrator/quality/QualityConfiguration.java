package dev.agentteam.orchestrator.quality;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QualityProperties.class)
class QualityConfiguration {
}
