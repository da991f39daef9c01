package dev.agentteam.common.observability;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.agentteam.common.audit.SecretRedactor;
import io.sentry.Breadcrumb;
import io.sentry.Hint;
import io.sentry.SentryEvent;
import io.sentry.SentryOptions;
import io.sentry.protocol.Message;
import io.sentry.protocol.Request;
import io.sentry.protocol.SentryException;

/**
 * The last step before an event leaves for Sentry: every text it carries (message, exception values, breadcrumbs,
 * extras, the request's query) goes through the same {@link SecretRedactor} as the logs and agent_logs; credentials
 * headers, cookies, request bodies and the user are dropped, so no secret and no personal data is sent.
 */
final class SentryScrubber implements SentryOptions.BeforeSendCallback {

    private static final List<String> CREDENTIAL_HEADERS = List.of("authorization", "proxy-authorization", "cookie",
            "set-cookie", "x-hub-signature", "x-hub-signature-256", "x-api-key", "x-auth-token");

    private final SecretRedactor redactor;

    SentryScrubber(SecretRedactor redactor) {
        this.redactor = redactor;
    }

    @Override
    public SentryEvent execute(SentryEvent event, Hint hint) {
        Message message = event.getMessage();
        if (message != null) {
            message.setMessage(redactor.redact(message.getMessage()));
            message.setFormatted(redactor.redact(message.getFormatted()));
            if (message.getParams() != null) {
                message.setParams(message.getParams().stream().map(redactor::redact).toList());
            }
        }
        if (event.getExceptions() != null) {
            for (SentryException exception : event.getExceptions()) {
                exception.setValue(redactor.redact(exception.getValue()));
            }
        }
        if (event.getBreadcrumbs() != null) {
            for (Breadcrumb breadcrumb : event.getBreadcrumbs()) {
                breadcrumb.setMessage(redactor.redact(breadcrumb.getMessage()));
                for (Map.Entry<String, Object> entry : breadcrumb.getData().entrySet()) {
                    if (entry.getValue() instanceof String text) {
                        breadcrumb.setData(entry.getKey(), redactor.redact(text));
                    }
                }
            }
        }
        if (event.getExtras() != null) {
            for (Map.Entry<String, Object> entry : Map.copyOf(event.getExtras()).entrySet()) {
                if (entry.getValue() instanceof String text) {
                    event.setExtra(entry.getKey(), redactor.redact(text));
                }
            }
        }
        Request request = event.getRequest();
        if (request != null) {
            request.setCookies(null);
            request.setData(null);
            request.setQueryString(redactor.redact(request.getQueryString()));
            if (request.getHeaders() != null) {
                Map<String, String> headers = new LinkedHashMap<>();
                request.getHeaders().forEach((name, value) -> {
                    if (!CREDENTIAL_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                        headers.put(name, redactor.redact(value));
                    }
                });
                request.setHeaders(headers);
            }
        }
        event.setUser(null);
        return event;
    }
}
