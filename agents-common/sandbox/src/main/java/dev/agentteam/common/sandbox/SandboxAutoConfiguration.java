package dev.agentteam.common.sandbox;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** A {@link Sandbox} from {@code agentteam.sandbox.*}; the isolation is checked on first use (or {@link Sandbox#verify()}). */
@AutoConfiguration
@EnableConfigurationProperties(SandboxProperties.class)
public class SandboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Sandbox sandbox(SandboxProperties properties) {
        return new Sandbox(properties);
    }
}
