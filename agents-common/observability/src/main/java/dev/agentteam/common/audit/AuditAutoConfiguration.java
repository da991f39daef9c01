package dev.agentteam.common.audit;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Secret redaction (audit rows and application log) and the agent_logs writer. */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration")
public class AuditAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuditAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    SecretRedactor secretRedactor(ConfigurableEnvironment environment) {
        Set<String> values = SecretValues.collect(environment);
        SecretRedactor redactor = new SecretRedactor(values);
        LogRedaction.install(redactor);
        log.info("secret redaction active for {} configured value(s) and known token patterns",
                redactor.configuredSecretCount());
        return redactor;
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(JdbcClient.class)
    AgentLogWriter agentLogWriter(JdbcClient jdbc, SecretRedactor redactor) {
        return new AgentLogWriter(jdbc, redactor);
    }
}
