package dev.agentteam.dev;

import dev.agentteam.common.codehost.CodeHosts;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Dev agent's settings and how it reaches repositories. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DevAgentProperties.class)
class DevAgentConfiguration {

    @Bean
    @ConditionalOnMissingBean(RepositoryAccess.class)
    RepositoryAccess repositoryAccess(CodeHosts codeHosts) {
        return new ConfiguredRepositoryAccess(codeHosts);
    }
}
