package dev.agentteam.common.workspace;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** {@link GitWorkspaces} from {@code agentteam.workspace.*}. */
@AutoConfiguration
@EnableConfigurationProperties(WorkspaceProperties.class)
public class WorkspaceAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    GitWorkspaces gitWorkspaces(WorkspaceProperties properties) {
        return new GitWorkspaces(properties);
    }
}
