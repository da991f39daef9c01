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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

class LogRedactionTest {

    private static final String TOKEN = "ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";

    @ParameterizedTest(name = "pattern {0}")
    @ValueSource(strings = {"%level %msg%n%ex", "%level %m%n%wEx", "%level %message%n%xEx"})
    void messagesAndStackTracesOfAlreadyStartedEncodersAreRedacted(String pattern) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
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
            logger.warn("calling with key {} and token {}", "configured-Secret-42", TOKEN);
            logger.error("call failed", new IllegalStateException("provider said: bad key configured-Secret-42"));
        } finally {
            logger.detachAppender(appender);
            LogRedaction.install(SecretRedactor.patternsOnly());
        }

        String out = sink.toString(StandardCharsets.UTF_8);
        assertThat(out).startsWith("WARN calling with key [REDACTED:configured-secret] and token [REDACTED:github-token]\n")
                .contains("ERROR call failed")
                .contains("IllegalStateException: provider said: bad key [REDACTED:configured-secret]")
                .doesNotContain("configured-Secret-42").doesNotContain(TOKEN);
    }
}
