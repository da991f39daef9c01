package dev.agentteam.orchestrator.pullrequest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import dev.agentteam.orchestrator.support.ForgeClient;
import dev.agentteam.orchestrator.support.IntegrationTest;
import dev.agentteam.orchestrator.support.TestApi.Reply;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attack 6 of issue 13 on the embedded forge: a review is bound to the head commit its author read. A review naming
 * an older head is refused, and a push after a review sends the pull request back to an unreviewed state, so the
 * merge gate never counts a review of code the reviewer did not see.
 */
class ForgeReviewBindingTest extends IntegrationTest {

    @TempDir
    Path work;

    private String cloneUrl;
    private String name;

    @BeforeEach
    void createRepository() {
        jdbc.execute("truncate repositories restart identity cascade");
        name = "reviewed-" + System.nanoTime();
        Reply created = api.postJson("/api/repositories",
                "{\"name\": \"" + name + "\", \"source\": {\"type\": \"template\", \"template\": \"demo-python\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        cloneUrl = created.json().path("clone_url").asString();
    }

    @Test
    void aReviewOfAnOlderHeadIsRefusedAndAPushUndoesTheReview() throws Exception {
        try (Git git = ForgeClient.cloneRepository(cloneUrl, ForgeClient.AGENT_TOKEN, work.resolve("clone"))) {
            String reviewed = ForgeClient.commitFile(git, "textstats/extra.py", "X = 1\n", "Add X");
            assertThat(ForgeClient.push(git, ForgeClient.AGENT_TOKEN, "HEAD:refs/heads/feature/review"))
                    .isEqualTo(RemoteRefUpdate.Status.OK);
            Reply opened = forge("POST", "/pulls", "{\"head\": \"feature/review\", \"base\": \"main\", "
                    + "\"title\": \"Review me\", \"body\": \"\"}");
            assertThat(opened.status()).as(opened.body()).isEqualTo(201);
            int number = opened.json().path("number").asInt();
            long id = opened.json().path("id").asLong();

            Reply ofTheHead = forge("POST", "/pulls/" + number + "/reviews", review(reviewed));
            assertThat(ofTheHead.status()).as(ofTheHead.body()).isEqualTo(201);
            jdbc.update("update pr_records set review_status = 'APPROVED' where id = ? and head_sha = ?", id,
                    reviewed);

            String newer = ForgeClient.commitFile(git, "textstats/extra.py", "X = 2\n", "Change X after the review");
            assertThat(ForgeClient.push(git, ForgeClient.AGENT_TOKEN, "HEAD:refs/heads/feature/review"))
                    .isEqualTo(RemoteRefUpdate.Status.OK);

            Reply stale = forge("POST", "/pulls/" + number + "/reviews", review(reviewed));
            assertThat(stale.status()).as(stale.body()).isEqualTo(409);
            assertThat(stale.isProblem()).isTrue();
            assertThat(stale.detail()).contains(reviewed, newer);
            assertThat(jdbc.queryForObject("select review_status from pr_records where id = ?", String.class, id))
                    .isEqualTo("PENDING");
            assertThat(jdbc.queryForObject("select count(*) from pr_comments where pr_id = ? and kind = 'review'", Long.class, id)).isEqualTo(1);
            assertThat(forge("POST", "/pulls/" + number + "/reviews", review(newer)).status()).isEqualTo(201);
        }
    }

    private static String review(String commit) {
        return "{\"commit_id\": \"" + commit + "\", \"summary\": \"Looks fine\", \"comments\": []}";
    }

    private Reply forge(String method, String path, String body) {
        return api.send(method, "/api/forge/repos/agentteam/" + name + path, "application/json", body,
                ForgeClient.AGENT_TOKEN);
    }
}
