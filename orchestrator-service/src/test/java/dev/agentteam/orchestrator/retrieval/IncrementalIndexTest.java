package dev.agentteam.orchestrator.retrieval;

import java.nio.file.Path;
import java.util.List;

import dev.agentteam.common.codehost.MergeMethod;
import dev.agentteam.orchestrator.pullrequest.PullRequests;
import dev.agentteam.orchestrator.coderepository.Repositories;
import dev.agentteam.orchestrator.coderepository.RepositoryView;
import dev.agentteam.orchestrator.support.ForgeClient;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The index follows the default branch file by file, keyed by blob SHA, through real pushes and merges on the forge. */
class IncrementalIndexTest extends RetrievalTest {

    @Autowired
    PullRequests pullRequests;

    @Autowired
    Repositories repositories;

    @TempDir
    Path temp;

    @Test
    void aPushRewritesOnlyTheChangedFileADeletionRemovesAndAnUnchangedHeadEmbedsNothing() throws Exception {
        long id = register("shop", copyFixture(temp.resolve("shop")));
        JsonNode first = awaitIndexed(id, null);
        assertThat(first.path("indexed_files").asInt()).isEqualTo(9);
        assertThat(first.path("chunks").asLong()).isEqualTo(count(id, null)).isGreaterThan(10);
        assertThat(first.path("progress").path("files_embedded").asInt()).isEqualTo(9);
        JsonNode found = search(id, "parse host").path("results").get(0);
        assertThat(found.path("path").asString()).isEqualTo("net/urls.py");
        assertThat(found.path("symbol").asString()).isEqualTo("parse_host");
        List<Long> othersBefore = ids(id, "web/cart.js", false);
        List<Long> cartBefore = ids(id, "web/cart.js", true);

        try (Git git = ForgeClient.cloneRepository(cloneUrl(id), ForgeClient.AGENT_TOKEN, temp.resolve("clone"))) {
            String changed = ForgeClient.commitFile(git, "web/cart.js", java.nio.file.Files.readString(
                    temp.resolve("shop/web/cart.js")).replace("removeItem(sku)", "removeItem(sku, quantity)"), "cart change");
            JsonNode afterPush = awaitIndexed(id, landOnMain(git, id, changed, "feature/cart"));

            assertThat(afterPush.path("progress").path("files_total").asInt()).isEqualTo(1);
            assertThat(afterPush.path("progress").path("files_embedded").asInt()).isEqualTo(1);
            assertThat(afterPush.path("progress").path("chunks_written").asInt()).as("all of cart.js's chunks")
                    .isEqualTo(cartBefore.size());
            assertThat(afterPush.path("progress").path("chunks_embedded").asInt())
                    .as("only the chunk with the changed method is embedded again").isEqualTo(1);
            assertThat(ids(id, "web/cart.js", false)).as("other files' rows untouched").isEqualTo(othersBefore);
            List<Long> cartAfter = ids(id, "web/cart.js", true);
            assertThat(cartAfter).isNotEmpty().doesNotContainAnyElementsOf(cartBefore);
            assertThat(jdbc.queryForObject("select count(*) from embeddings where repository_id = ? and source = 'web/cart.js' "
                    + "and content like '%removeItem(sku, quantity)%'", Integer.class, id)).isEqualTo(1);

            git.rm().addFilepattern("textutil/slug.py").call();
            String deleted = git.commit().setMessage("no slugs").call().getName();
            JsonNode afterDelete = awaitIndexed(id, landOnMain(git, id, deleted, "feature/no-slugs"));
            assertThat(afterDelete.path("progress").path("files_removed").asInt()).isEqualTo(1);
            assertThat(count(id, "textutil/slug.py")).isZero();
            assertThat(jdbc.queryForObject("select count(*) from index_files where repository_id = ? and path = 'textutil/slug.py'",
                    Integer.class, id)).isZero();
            assertThat(afterDelete.path("indexed_files").asInt()).isEqualTo(8);
        }

        List<Long> everything = ids(id, "", false);
        var requested = api.postJson("/api/repositories/" + id + "/index", "");
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        await(id, requested.json().path("requested_at").asString());
        JsonNode unchanged = api.get("/api/repositories/" + id + "/index").json();
        assertThat(unchanged.path("progress").path("files_total").asInt()).isZero();
        assertThat(unchanged.path("progress").path("chunks_written").asInt()).isZero();
        assertThat(unchanged.path("progress").path("chunks_embedded").asInt()).isZero();
        assertThat(ids(id, "", false)).as("nothing rewritten").isEqualTo(everything);
    }

    /**
     * Lands the clone's HEAD on main the only way the forge allows (main is protected from every token): a feature
     * branch, a pull request, and the merge the merge gate makes after a person's approval. Returns main's new head.
     */
    private String landOnMain(Git git, long id, String head, String branch) throws Exception {
        assertThat(ForgeClient.push(git, ForgeClient.AGENT_TOKEN, "HEAD:refs/heads/" + branch))
                .isEqualTo(RemoteRefUpdate.Status.OK);
        RepositoryView repository = repositories.find(id).orElseThrow();
        var opened = api.send("POST", "/api/forge/repos/agentteam/" + repository.name() + "/pulls", "application/json",
                "{\"head\": \"" + branch + "\", \"base\": \"main\", \"title\": \"" + branch + "\"}", ForgeClient.AGENT_TOKEN);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        pullRequests.merge(repository, opened.json().path("number").asInt(), head, MergeMethod.MERGE);
        git.fetch().setCredentialsProvider(new org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider(
                "x", ForgeClient.AGENT_TOKEN)).call();
        return git.getRepository().resolve("refs/remotes/origin/main").name();
    }

    private void await(long id, String requestedAt) {
        // clock wait: the index runs on its own executor and announces no event
        org.awaitility.Awaitility.await().atMost(INDEXED).until(() -> {
            JsonNode state = api.get("/api/repositories/" + id + "/index").json();
            return state.path("status").asString().equals("IDLE")
                    && state.path("finished_at").asString().compareTo(requestedAt) > 0;
        });
    }

    private String cloneUrl(long id) {
        return api.get("/api/repositories/" + id).json().path("clone_url").asString();
    }

    private long count(long id, String path) {
        return path == null ? jdbc.queryForObject("select count(*) from embeddings where repository_id = ?", Long.class, id)
                : jdbc.queryForObject("select count(*) from embeddings where repository_id = ? and source = ?", Long.class, id, path);
    }

    /** The row ids of one file's chunks ({@code of} true) or of all other files' ({@code of} false), in order. */
    private List<Long> ids(long id, String path, boolean of) {
        return jdbc.queryForList("select id from embeddings where repository_id = ? and (source = ?) = ? order by id",
                Long.class, id, path, of);
    }
}
