package dev.agentteam.orchestrator.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.agentteam.common.codehost.CiState;
import dev.agentteam.common.codehost.CommitCheck;
import dev.agentteam.common.codehost.EmbeddedForgeCodeHost;
import dev.agentteam.common.codehost.RepositoryRef;
import dev.agentteam.orchestrator.support.IntegrationTest;

/** The CI/CD agent's commit statuses through EmbeddedForgeCodeHost against the running orchestrator's forge. */
class EmbeddedForgeStatusTest extends IntegrationTest {

    @LocalServerPort
    private int port;

    @Test
    void statusesSetThroughTheCodeHostAreReadBackAsTheLatestPerContext() throws Exception {
        jdbc.update("delete from repositories where name = 'status-demo'");
        int created = api.postJson("/api/repositories", """
                {"name": "status-demo", "source": {"type": "template", "template": "demo-python"}}
                """).status();
        assertThat(created).isEqualTo(201);
        String cloneUrl = "http://127.0.0.1:" + port + "/git/status-demo.git";
        Map<String, Ref> refs = Git.lsRemoteRepository().setRemote(cloneUrl)
                .setCredentialsProvider(new UsernamePasswordCredentialsProvider("x-access-token", "agent-token-one"))
                .callAsMap();
        String sha = refs.get("refs/heads/main").getObjectId().getName();
        EmbeddedForgeCodeHost forge = new EmbeddedForgeCodeHost(URI.create("http://127.0.0.1:" + port), "agent-token-one",
                Duration.ofSeconds(20));
        RepositoryRef ref = new RepositoryRef("agentteam", "status-demo");

        forge.setCommitStatus(ref, sha, "agent-team/ci", CiState.PENDING, "running python3 -m unittest", null);
        forge.setCommitStatus(ref, sha, "agent-team/ci", CiState.FAILURE, "3 tests, 1 failed", "http://ci.example/log");

        assertThat(forge.commitStatuses(ref, sha))
                .containsExactly(new CommitCheck("agent-team/ci", CiState.FAILURE, "http://ci.example/log"));
    }
}
