package dev.agentteam.common.workspace;

import java.net.URI;
import java.util.Objects;

/**
 * Where to clone from and push to. The token (if any) is sent as the HTTP basic password and never
 * appears in {@link #toString()}, logs or exception messages.
 */
public record RemoteRepository(String cloneUrl, String token) {

    public RemoteRepository {
        Objects.requireNonNull(cloneUrl, "cloneUrl");
        if (URI.create(cloneUrl).getUserInfo() != null) {
            throw new IllegalArgumentException("clone URL must not carry credentials; pass the token separately");
        }
        token = token == null || token.isBlank() ? null : token;
    }

    public static RemoteRepository anonymous(String cloneUrl) {
        return new RemoteRepository(cloneUrl, null);
    }

    /** Removes the token from text that may be shown or logged. */
    String redact(String text) {
        return token == null || text == null ? text : text.replace(token, "***");
    }

    @Override
    public String toString() {
        return "RemoteRepository[" + cloneUrl + (token == null ? "" : ", token=***") + "]";
    }
}
