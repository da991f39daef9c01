package dev.agentteam.common.codehost;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Picks the {@link CodeHost} for a task's repository — the embedded forge or GitHub — and gives the token git uses to
 * clone and push there. A task's clone URL is checked first: the token goes only to the forge this agent is
 * configured for ({@code agentteam.embedded-forge.url}, or without it a loopback address: local mode) or to the
 * GitHub host of {@code agentteam.github.api-url}, at that repository's own path. A task naming any other URL is
 * refused, so a forged or tampered task cannot make an agent send its credentials elsewhere. (A local {@code file:}
 * repository gets no credentials at all.)
 */
public class CodeHosts {

    private final EmbeddedForgeProperties embedded;
    private final GitHubProperties github;

    public CodeHosts(EmbeddedForgeProperties embedded, GitHubProperties github) {
        this.embedded = embedded;
        this.github = github;
    }

    public CodeHost forTarget(ForgeTarget target) {
        if (!isFile(target)) {
            requireTrusted(target);
        }
        if (target.embedded()) {
            URI base = embedded.url() != null ? embedded.url() : EmbeddedForgeCodeHost.baseUrlOf(target.cloneUrl());
            return new EmbeddedForgeCodeHost(base, embedded.token(), embedded.timeout());
        }
        return new GitHubCodeHost(github);
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
        return target.embedded() ? embedded.token() : github.token();
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
