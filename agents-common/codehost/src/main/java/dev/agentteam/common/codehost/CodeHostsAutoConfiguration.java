package dev.agentteam.common.codehost;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** {@link CodeHosts}: the code host per task repository (embedded forge or GitHub), for every agent. */
@AutoConfiguration
@EnableConfigurationProperties({EmbeddedForgeProperties.class, GitHubProperties.class})
public class CodeHostsAutoConfiguration {

    /** One per process: the code hosts and the code search share each task's one credential. */
    @Bean
    @ConditionalOnMissingBean
    TaskForgeCredentials taskForgeCredentials(EmbeddedForgeProperties embedded) {
        return new TaskForgeCredentials(embedded.agentToken(), embedded.timeout());
    }

    @Bean
    @ConditionalOnMissingBean
    CodeHosts codeHosts(EmbeddedForgeProperties embedded, GitHubProperties github, TaskForgeCredentials credentials) {
        return new CodeHosts(embedded, github, credentials);
    }
}
