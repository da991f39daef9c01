package dev.agentteam.common.observability;

import dev.agentteam.common.audit.AuditAutoConfiguration;
import dev.agentteam.common.audit.SecretRedactor;
import io.sentry.SentryOptions;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Sentry in every app (sentry-spring-boot-4 does the wiring: {@code SENTRY_DSN}, {@code SENTRY_ENVIRONMENT},
 * {@code SENTRY_RELEASE}; nothing is sent without a DSN). This adds the scrubber every event passes through.
 */
@AutoConfiguration(after = AuditAutoConfiguration.class)
@ConditionalOnClass(SentryOptions.class)
public class SentryAutoConfiguration {

    @Bean
    SentryOptions.BeforeSendCallback sentrySecretScrubber(SecretRedactor redactor) {
        return new SentryScrubber(redactor);
    }
}
