package dev.agentteam.common.codehost;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** {@link CodeHosts}: the code host per task repository (embedded forge or GitHub), for every agent. */
@AutoConfiguration
@EnableConfigurationProperties({EmbeddedForgeProperties.class, GitHubProperties.class})
public class CodeHostsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CodeHosts codeHosts(EmbeddedForgeProperties embedded, GitHubProperties github) {
        return new CodeHosts(embedded, github);
    }
}
