package dev.agentteam.common.codehost;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Picks the {@link CodeHost} for a task's repository — the embedded forge or GitHub — and gives the token git uses to
 * clone and push there: on the embedded forge the credential of the task this thread runs ({@link TaskForgeCredentials},
 * fetched once per task attempt and revoked by the orchestrator when the task ends), on GitHub the configured token. A task's clone URL is checked first: the token goes only to the forge this agent is
 * configured for ({@code agentteam.embedded-forge.url}, or without it a loopback address: local mode) or to the
 * GitHub host of {@code agentteam.github.api-url}, at that repository's own path. A task naming any other URL is
 * refused, so a forged or tampered task cannot make an agent send its credentials elsewhere. (A local {@code file:}
 * repository gets no credentials at all.)
 */
public class CodeHosts {

    private final EmbeddedForgeProperties embedded;
    private final GitHubProperties github;
    private final TaskForgeCredentials credentials;

    public CodeHosts(EmbeddedForgeProperties embedded, GitHubProperties github) {
        this(embedded, github, new TaskForgeCredentials(embedded.agentToken(), embedded.timeout()));
    }

    public CodeHosts(EmbeddedForgeProperties embedded, GitHubProperties github, TaskForgeCredentials credentials) {
        this.embedded = embedded;
        this.github = github;
        this.credentials = credentials;
    }

    public CodeHost forTarget(ForgeTarget target) {
        if (!isFile(target)) {
            requireTrusted(target);
        }
        if (target.embedded()) {
            URI base = embeddedBase(target.cloneUrl());
            return new EmbeddedForgeCodeHost(base, credentials.token(base), embedded.timeout());
        }
        return new GitHubCodeHost(github);
    }

    /**
     * The embedded forge's credential of the task this thread runs, for other calls to the orchestrator's forge paths
     * (the code search), or null for a {@code file:} repository. Never log it.
     */
    public String embeddedToken(String cloneUrl) {
        if (cloneUrl.startsWith("file:")) {
            return null;
        }
        URI base = embeddedBase(cloneUrl);
        if (embedded.url() == null && (base.getHost() == null || !isLoopback(base.getHost()))) {
            throw new IllegalArgumentException("refusing clone URL '" + cloneUrl + "': without "
                    + "agentteam.embedded-forge.url only a loopback forge is trusted; no credentials were sent");
        }
        return credentials.token(base);
    }

    /** The orchestrator's root URL: {@code agentteam.embedded-forge.url}, else that of an embedded clone URL. */
    public URI embeddedBase(String cloneUrl) {
        return embedded.url() != null ? embedded.url() : EmbeddedForgeCodeHost.baseUrlOf(cloneUrl);
    }

    /**
     * The HTTP Basic password for git on that forge (never log it), or null when none is configured. A local
     * {@code file:} repository (offline use, tests) needs none and never gets one.
     */
    public String gitToken(ForgeTarget target) {
        if (isFile(target)) {
            return null;
        }
        requireTrusted(target);
        return target.embedded() ? credentials.token(embeddedBase(target.cloneUrl())) : github.token();
    }

    private static boolean isFile(ForgeTarget target) {
        return target.cloneUrl().startsWith("file:");
    }

    /** Refuses a clone URL that is not on the configured forge, at the repository's own path. */
    void requireTrusted(ForgeTarget target) {
        URI clone;
        try {
            clone = URI.create(target.cloneUrl());
        } catch (IllegalArgumentException e) {
            throw refused(target, "it is not a URL");
        }
        if (clone.getHost() == null || clone.getUserInfo() != null || clone.getQuery() != null
                || !("https".equals(clone.getScheme()) || "http".equals(clone.getScheme()))) {
            throw refused(target, "only plain http(s) URLs without credentials are accepted");
        }
        if (target.embedded()) {
            String name = target.fullName().substring(target.fullName().indexOf('/') + 1);
            if (embedded.url() != null) {
                String base = embedded.url().toString().replaceAll("/+$", "");
                if (!target.cloneUrl().equals(base + "/git/" + name + ".git")) {
                    throw refused(target, "the embedded forge is " + base + " (agentteam.embedded-forge.url)");
                }
            } else if (!isLoopback(clone.getHost()) || !clone.getPath().equals("/git/" + name + ".git")) {
                throw refused(target, "without agentteam.embedded-forge.url only a loopback forge is trusted");
            }
            return;
        }
        URI api = URI.create(github.apiUrl());
        String host = "api.github.com".equalsIgnoreCase(api.getHost()) ? "github.com" : api.getHost();
        boolean sameHost = host.equalsIgnoreCase(clone.getHost()) && clone.getPort() == api.getPort();
        boolean securedOrLocal = "https".equals(clone.getScheme()) || isLoopback(clone.getHost());
        String path = clone.getPath() == null ? "" : clone.getPath().toLowerCase(Locale.ROOT);
        if (!sameHost || !securedOrLocal || !path.endsWith("/" + target.fullName().toLowerCase(Locale.ROOT) + ".git")) {
            throw refused(target, "GitHub repositories are cloned from " + host);
        }
    }

    private static IllegalArgumentException refused(ForgeTarget target, String why) {
        return new IllegalArgumentException("refusing clone URL '" + target.cloneUrl() + "' for " + target.forge() + " "
                + target.fullName() + ": " + why + "; no credentials were sent");
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
