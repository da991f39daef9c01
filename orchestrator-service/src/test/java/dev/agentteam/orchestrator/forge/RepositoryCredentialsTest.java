package dev.agentteam.orchestrator.forge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import dev.agentteam.orchestrator.support.ForgeClient;
import dev.agentteam.orchestrator.support.IntegrationTest;
import dev.agentteam.orchestrator.support.TestApi.Reply;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: an agent's forge credential scoped to one repository pushes feature/* of that repository only; the
 * default branch, other branches and every other repository refuse it, and only an admin mints one.
 */
class RepositoryCredentialsTest extends IntegrationTest {

    @TempDir
    Path work;

    private Reply mine;
    private Reply other;

    @BeforeEach
    void createRepositories() {
        jdbc.execute("truncate repositories restart identity cascade");
        mine = create("scoped-" + System.nanoTime());
        other = create("other-" + System.nanoTime());
    }

    @Test
    void aRepositoryCredentialPushesFeatureBranchesOfItsRepositoryOnly() throws Exception {
        Reply minted = api.send("POST", "/api/repositories/" + mine.json().path("id").asLong() + "/forge-credentials", null, null);
        assertThat(minted.status()).as(minted.body()).isEqualTo(201);
        String token = minted.json().path("token").asString();
        assertThat(token).startsWith("fc_");
        assertThat(minted.location()).startsWith("/api/repositories/" + mine.json().path("id").asLong()
                + "/forge-credentials/");
        // a digest may hold a 0x00 byte, which no text conversion accepts: look for the token's bytes in the bytes
        assertThat(jdbc.queryForObject("select count(*) from forge_credentials where position(convert_to(?, 'UTF8') "
                + "in token_sha256) > 0", Long.class, token.substring(3))).isZero();

        try (Git git = ForgeClient.cloneRepository(cloneUrl(mine), token, work.resolve("mine"))) {
            ForgeClient.commitFile(git, "NOTES.md", "scoped\n", "Scoped change");
            assertThat(ForgeClient.push(git, token, "HEAD:refs/heads/feature/scoped")).isEqualTo(RemoteRefUpdate.Status.OK);
            assertThat(ForgeClient.push(git, token, "HEAD:refs/heads/main"))
                    .isEqualTo(RemoteRefUpdate.Status.REJECTED_OTHER_REASON);
            assertThat(ForgeClient.push(git, token, "HEAD:refs/heads/release"))
                    .isEqualTo(RemoteRefUpdate.Status.REJECTED_OTHER_REASON);
        }
        assertThat(api.send("GET", "/api/forge/repos/agentteam/" + name(mine) + "/pulls", null, null, token).status())
                .isEqualTo(200);

        assertThatThrownBy(() -> ForgeClient.cloneRepository(cloneUrl(other), token, work.resolve("other")))
                .isInstanceOf(TransportException.class);
        Reply elsewhere = api.send("GET", "/api/forge/repos/agentteam/" + name(other) + "/pulls", null, null, token);
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(elsewhere.isProblem()).isTrue();
        assertThat(api.send("GET", "/api/forge/repos/agentteam/" + name(mine) + "/pulls", null, null, token + "x")
                .status()).isEqualTo(401);
    }

    @Test
    void onlyAnAdminMintsOneAndOnlyForAnEmbeddedRepository() {
        String path = "/api/repositories/" + mine.json().path("id").asLong() + "/forge-credentials";
        assertThat(api.as(users.person("approver")).send("POST", path, null, null).status()).isEqualTo(403);
        assertThat(api.as(users.person("viewer")).send("POST", path, null, null).status()).isEqualTo(403);
        assertThat(api.send("POST", "/api/repositories/999999/forge-credentials", null, null).status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from forge_credentials", Long.class)).isZero();
    }

    @Test
    void anAdminListsAndRevokesACredentialAndTheForgeRefusesItsTokenFromThenOn() {
        long id = mine.json().path("id").asLong();
        String path = "/api/repositories/" + id + "/forge-credentials";
        Reply minted = api.send("POST", path, null, null);
        String token = minted.json().path("token").asString();
        String pulls = "/api/forge/repos/agentteam/" + name(mine) + "/pulls";
        assertThat(api.send("GET", pulls, null, null, token).status()).isEqualTo(200);

        Reply shown = api.send("GET", minted.location(), null, null);
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        assertThat(shown.json().path("id").asLong()).isEqualTo(minted.json().path("id").asLong());
        assertThat(shown.json().path("repository_id").asLong()).isEqualTo(id);
        assertThat(shown.json().path("revoked_at").isNull()).isTrue();
        Reply listed = api.send("GET", path, null, null);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().size()).isEqualTo(1);
        assertThat(listed.body()).doesNotContain(token).doesNotContain(token.substring(3, 12)).doesNotContain("token");

        Reply revoked = api.send("DELETE", minted.location(), null, null);
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().path("revoked_at").isNull()).isFalse();
        Reply refused = api.send("GET", pulls, null, null, token);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.isProblem()).isTrue();

        Reply again = api.send("DELETE", minted.location(), null, null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("revoked_at").asString()).isEqualTo(revoked.json().path("revoked_at").asString());
        assertThat(api.send("GET", pulls, null, null, token).status()).isEqualTo(401);
    }

    @Test
    void revokingIsRefusedToNonAdminsAndForACredentialOfAnotherOrNoRepository() {
        long id = mine.json().path("id").asLong();
        Reply minted = api.send("POST", "/api/repositories/" + id + "/forge-credentials", null, null);
        String token = minted.json().path("token").asString();
        String credential = "/forge-credentials/" + minted.json().path("id").asLong();
        for (String role : new String[] {"approver", "viewer"}) {
            Reply refused = api.as(users.person(role)).send("DELETE", minted.location(), null, null);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.isProblem()).isTrue();
            assertThat(api.as(users.person(role)).send("GET", minted.location(), null, null).status()).isEqualTo(403);
            assertThat(api.as(users.person(role)).send("GET", "/api/repositories/" + id + "/forge-credentials", null,
                    null).status()).isEqualTo(403);
        }
        assertThat(api.as(users.agent("approver")).send("DELETE", minted.location(), null, null).status())
                .isEqualTo(403);
        Reply elsewhere = api.send("DELETE", "/api/repositories/" + other.json().path("id").asLong() + credential,
                null, null);
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.isProblem()).isTrue();
        assertThat(api.send("DELETE", "/api/repositories/999999" + credential, null, null).status()).isEqualTo(404);
        assertThat(api.send("DELETE", "/api/repositories/" + id + "/forge-credentials/999999", null, null).status())
                .isEqualTo(404);
        assertThat(api.send("DELETE", "/api/repositories/" + id + "/forge-credentials/abc", null, null).status())
                .isEqualTo(400);
        assertThat(jdbc.queryForObject("select count(*) from forge_credentials where revoked_at is not null",
                Long.class)).isZero();
        assertThat(api.send("GET", "/api/forge/repos/agentteam/" + name(mine) + "/pulls", null, null, token)
                .status()).isEqualTo(200);
    }

    private Reply create(String name) {
        Reply created = api.postJson("/api/repositories",
                "{\"name\": \"" + name + "\", \"source\": {\"type\": \"template\", \"template\": \"demo-python\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created;
    }

    private static String cloneUrl(Reply repository) {
        return repository.json().path("clone_url").asString();
    }

    private static String name(Reply repository) {
        return repository.json().path("name").asString();
    }
}
