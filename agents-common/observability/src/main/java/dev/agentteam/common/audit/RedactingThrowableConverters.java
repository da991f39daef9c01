package dev.agentteam.common.audit;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;
import org.springframework.boot.logging.logback.WhitespaceThrowableProxyConverter;

/**
 * Stack traces can carry secrets too (an exception message quoting a provider's error body), so every
 * throwable conversion word — Logback's and Spring Boot's whitespace variants — is redacted as well.
 */
final class RedactingThrowableConverters {

    private RedactingThrowableConverters() {
    }

    static final class Plain extends ThrowableProxyConverter {
        @Override
        protected String throwableProxyToString(IThrowableProxy proxy) {
            return LogRedaction.current().redact(super.throwableProxyToString(proxy));
        }
    }

    static final class Extended extends ExtendedThrowableProxyConverter {
        @Override
        protected String throwableProxyToString(IThrowableProxy proxy) {
            return LogRedaction.current().redact(super.throwableProxyToString(proxy));
        }
    }

    static final class Whitespace extends WhitespaceThrowableProxyConverter {
        @Override
        protected String throwableProxyToString(IThrowableProxy proxy) {
            return LogRedaction.current().redact(super.throwableProxyToString(proxy));
        }
    }

    static final class ExtendedWhitespace extends ExtendedWhitespaceThrowableProxyConverter {
        @Override
        protected String throwableProxyToString(IThrowableProxy proxy) {
            return LogRedaction.current().redact(super.throwableProxyToString(proxy));
        }
    }
}
