package dev.agentteam.common.codehost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import dev.agentteam.common.task.ClaimedTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CodeHostsTest {

    private final CodeHosts hosts = new CodeHosts(new EmbeddedForgeProperties(null, "agent-token-0123456789abcdef",
            Duration.ofSeconds(5)), new GitHubProperties(null, "ghp_abc", null));

    @AfterEach
    void release() {
        ClaimedTask.release();
    }

    /** The embedded forge is reached with a task's credential only (OrchestratorTaskCredentialsTest fetches real ones). */
    @Test
    void anEmbeddedRepositoryNeedsTheTaskThisThreadRuns() {
        ForgeTarget target = new ForgeTarget("embedded", "agentteam/demo", "http://127.0.0.1:1/git/demo.git");

        assertThatThrownBy(() -> hosts.forTarget(target)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("runs no claimed task");
        assertThatThrownBy(() -> hosts.gitToken(target)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> hosts.embeddedToken(target.cloneUrl())).isInstanceOf(IllegalStateException.class);
        assertThat(hosts.embeddedToken("file:///srv/mirror/demo.git")).isNull();
        assertThat(target.ref()).isEqualTo(new RepositoryRef("agentteam", "demo"));
    }

    @Test
    void withAConfiguredForgeUrlOnlyItsCloneUrlsAreAccepted() {
        CodeHosts configured = new CodeHosts(new EmbeddedForgeProperties(URI.create("http://forge.internal:9000/"), "t", null),
                new GitHubProperties(null, null, null));

        assertThat(configured.embeddedBase("http://elsewhere.example/git/demo.git"))
                .isEqualTo(URI.create("http://forge.internal:9000/"));
        assertThatThrownBy(() -> configured.gitToken(new ForgeTarget(null, "agentteam/demo", "http://localhost:1/git/demo.git")))
                .hasMessageContaining("refusing clone URL");
        assertThatThrownBy(() -> configured.gitToken(new ForgeTarget(null, "agentteam/demo",
                "http://forge.internal:9000/git/other.git"))).hasMessageContaining("refusing clone URL");
    }

    /** Issue 13, attack 7: agents trusted the clone_url inside a task and sent their token wherever it pointed. */
    @Test
    void aTaskCannotSendTheAgentsTokenToAnotherHost() {
        for (ForgeTarget target : java.util.List.of(
                new ForgeTarget("embedded", "agentteam/demo", "http://attacker.example/git/demo.git"),
                new ForgeTarget("embedded", "agentteam/demo", "http://127.0.0.1:8080/git/other.git"),
                new ForgeTarget("embedded", "agentteam/demo", "http://x-access-token:t@127.0.0.1:8080/git/demo.git"),
                new ForgeTarget("github", "acme/shop", "https://attacker.example/acme/shop.git"),
                new ForgeTarget("github", "acme/shop", "http://github.com/acme/shop.git"),
                new ForgeTarget("github", "acme/shop", "https://github.com/evil/fork.git"),
                new ForgeTarget("github", "acme/shop", "not a url"))) {
            assertThatThrownBy(() -> hosts.gitToken(target)).as(target.cloneUrl()).hasMessageContaining("refusing clone URL")
                    .hasMessageNotContaining("agent-token-0123456789abcdef").hasMessageNotContaining("ghp_abc");
            assertThatThrownBy(() -> hosts.forTarget(target)).as(target.cloneUrl()).hasMessageContaining("refusing clone URL");
        }
        assertThat(hosts.gitToken(new ForgeTarget("github", "acme/shop", "file:///srv/mirror/shop.git"))).isNull();
    }

    @Test
    void aGitHubRepositoryGetsGitHub() {
        ForgeTarget target = new ForgeTarget("GitHub", "acme/shop", "https://github.com/acme/shop.git");

        assertThat(hosts.forTarget(target)).isInstanceOf(GitHubCodeHost.class);
        assertThat(hosts.gitToken(target)).isEqualTo("ghp_abc");
    }

    @Test
    void unusableTargetsAreClearErrors() {
        assertThatThrownBy(() -> new ForgeTarget("gitlab", "a/b", "https://x/a/b.git")).hasMessageContaining("unknown forge");
        assertThatThrownBy(() -> new ForgeTarget("embedded", null, null)).hasMessageContaining("full_name");
        assertThatThrownBy(() -> EmbeddedForgeCodeHost.baseUrlOf("https://github.com/acme/shop.git"))
                .hasMessageContaining("not an embedded forge clone URL");
        CodeHosts tokenless = new CodeHosts(new EmbeddedForgeProperties(null, null, null), new GitHubProperties(null, null, null));
        new ClaimedTask(7, 1, "dev-1").bind();
        assertThatThrownBy(() -> tokenless.forTarget(new ForgeTarget("embedded", "a/b", "http://localhost/git/b.git")))
                .hasMessageContaining("AGENTTEAM_AGENT_TOKEN");
        // a task cannot make the agent send its agent token to a host of the task's choosing either
        assertThatThrownBy(() -> hosts.embeddedToken("http://attacker.example/git/b.git"))
                .hasMessageContaining("refusing clone URL").hasMessageNotContaining("agent-token-0123456789abcdef");
    }

    @Test
    void propertiesNeverPrintTheToken() {
        assertThat(new EmbeddedForgeProperties(null, "s3cr3t-token", null).toString()).doesNotContain("s3cr3t-token");
        assertThat(new TaskForgeCredentials("s3cr3t-token", null).toString()).doesNotContain("s3cr3t-token");
    }
}
