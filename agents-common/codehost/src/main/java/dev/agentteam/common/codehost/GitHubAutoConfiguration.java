package dev.agentteam.common.codehost;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@link GitHubCodeHost} as the {@link CodeHost} when {@code agentteam.codehost.provider=github}; otherwise
 * the application provides its own (the embedded forge is the default).
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "agentteam.codehost", name = "provider", havingValue = "github")
@EnableConfigurationProperties(GitHubProperties.class)
public class GitHubAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(CodeHost.class)
    GitHubCodeHost gitHubCodeHost(GitHubProperties properties) {
        return new GitHubCodeHost(properties);
    }
}
