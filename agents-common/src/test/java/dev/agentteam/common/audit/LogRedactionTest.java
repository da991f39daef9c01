package dev.agentteam.common.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogRedactionTest {

    @Test
    void applicationLogLinesAreRedactedByExistingPatternEncoders() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %msg%n");
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(sink);
        appender.start();
        Logger logger = context.getLogger("redaction-test");
        logger.addAppender(appender);
        try {
            LogRedaction.install(new SecretRedactor(List.of("configured-Secret-42")));
            logger.warn("calling with key {} and token {}", "configured-Secret-42",
                    "ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8");
        } finally {
            logger.detachAppender(appender);
            LogRedaction.install(SecretRedactor.patternsOnly());
        }

        String line = sink.toString(StandardCharsets.UTF_8);
        assertThat(line).isEqualTo("WARN calling with key [REDACTED:configured-secret] and token [REDACTED:github-token]\n");
    }
}
