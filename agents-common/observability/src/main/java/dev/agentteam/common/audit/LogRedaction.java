package dev.agentteam.common.audit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.pattern.DynamicConverter;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * Keeps secrets out of the application log: the message and throwable converters of every pattern encoder
 * (Spring Boot's console and file appenders included) are swapped for redacting ones, which use the redactor
 * installed here — token shapes only until the application's configured secrets are known.
 */
public final class LogRedaction {

    private static volatile SecretRedactor redactor = SecretRedactor.patternsOnly();

    private LogRedaction() {
    }

    static SecretRedactor current() {
        return redactor;
    }

    /** Installs the redactor and re-wires the encoders of every appender; a no-op when Logback is not the backend. */
    public static synchronized void install(SecretRedactor newRedactor) {
        redactor = newRedactor;
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        registerConverter(context);
        for (Logger logger : context.getLoggerList()) {
            for (Iterator<Appender<ch.qos.logback.classic.spi.ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
                if (it.next() instanceof OutputStreamAppender<?> appender) {
                    restartPatternEncoder(appender.getEncoder());
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void registerConverter(LoggerContext context) {
        Map<String, Supplier<DynamicConverter<?>>> registry =
                (Map<String, Supplier<DynamicConverter<?>>>) context.getObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS);
        if (registry == null) {
            registry = new HashMap<>();
            context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, registry);
        }
        for (String word : new String[] {"m", "msg", "message"}) {
            registry.put(word, RedactingMessageConverter::new);
        }
        for (String word : new String[] {"ex", "exception", "throwable"}) {
            registry.put(word, RedactingThrowableConverters.Plain::new);
        }
        for (String word : new String[] {"xEx", "xException", "xThrowable"}) {
            registry.put(word, RedactingThrowableConverters.Extended::new);
        }
        registry.put("wex", RedactingThrowableConverters.Whitespace::new);
        registry.put("wEx", RedactingThrowableConverters.ExtendedWhitespace::new);
    }

    private static void restartPatternEncoder(Encoder<?> encoder) {
        // a started layout has already parsed its pattern; restarting it picks up the converter registered above
        if (encoder instanceof PatternLayoutEncoder pattern && pattern.isStarted()) {
            pattern.stop();
            pattern.start();
        }
    }
}
