package dev.agentteam.common.codehost;

import java.net.URI;

/**
 * Picks the {@link CodeHost} for a task's repository: the embedded forge (the orchestrator found from the clone
 * URL unless {@code agentteam.embedded-forge.url} is set) or GitHub. Also gives the token git uses to clone and
 * push there.
 */
public class CodeHosts {

    private final EmbeddedForgeProperties embedded;
    private final GitHubProperties github;

    public CodeHosts(EmbeddedForgeProperties embedded, GitHubProperties github) {
        this.embedded = embedded;
        this.github = github;
    }

    public CodeHost forTarget(ForgeTarget target) {
        if (target.embedded()) {
            URI base = embedded.url() != null ? embedded.url() : EmbeddedForgeCodeHost.baseUrlOf(target.cloneUrl());
            return new EmbeddedForgeCodeHost(base, embedded.token(), embedded.timeout());
        }
        return new GitHubCodeHost(github);
    }

    /** The HTTP Basic password for git on that forge (never log it), or null when none is configured. */
    public String gitToken(ForgeTarget target) {
        return target.embedded() ? embedded.token() : github.token();
    }
}
