package dev.agentteam.common.sandbox;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The sandbox self-test in the agents that run repository code (dev, qa, cicd set agentteam.sandbox.self-test=true):
 * health component {@code sandbox} and gauge {@code agentteam_sandbox_ok}.
 */
@AutoConfiguration(after = SandboxAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnProperty(name = "agentteam.sandbox.self-test", havingValue = "true")
public class SandboxSelfTestAutoConfiguration {

    @Bean
    SandboxHealth sandboxHealthIndicator(Sandbox sandbox, SandboxProperties properties) {
        return new SandboxHealth(new SandboxSelfTest(sandbox, properties, System.getenv()));
    }
}
