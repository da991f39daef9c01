package dev.agentteam.common.audit;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's {@code %m / %msg / %message} with secrets removed. {@link LogRedaction} registers it in place of
 * the stock converter, so every pattern layout (Boot's defaults included) redacts without configuration.
 */
public class RedactingMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return LogRedaction.current().redact(super.convert(event));
    }
}
