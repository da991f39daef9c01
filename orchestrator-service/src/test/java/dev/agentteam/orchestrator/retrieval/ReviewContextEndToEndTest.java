package dev.agentteam.orchestrator.retrieval;

import dev.agentteam.orchestrator.task.TaskSucceeded;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.agentteam.common.codehost.EmbeddedForgeCodeHost;
import dev.agentteam.common.codehost.NewPullRequest;
import dev.agentteam.common.codehost.RepositoryRef;
import dev.agentteam.orchestrator.support.ForgeClient;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real Review agent reviews a pull request whose diff calls {@code words()} and declares
 * {@code most_common_words}: its model request carries, as related code, the definition of {@code words} the
 * diff does not show — retrieved from the orchestrator's index and written to the trajectory.
 */
class ReviewContextEndToEndTest extends RetrievalTest {

    @Autowired
    Environment environment;

    @LocalServerPort
    int port;

    @TempDir
    Path temp;

    @Test
    void theReviewerSeesTheDefinitionsOfTheSymbolsTheDiffTouches() throws Exception {
        var created = api.postJson("/api/repositories", "{\"name\": \"review-demo\", \"source\": {\"type\": \"template\", "
                + "\"template\": \"demo-python\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        awaitIndexed(id, null);
        String head;
        try (Git git = ForgeClient.cloneRepository(created.json().path("clone_url").asString(), ForgeClient.AGENT_TOKEN,
                temp.resolve("clone"))) {
            git.checkout().setCreateBranch(true).setName("feature/ISSUE-1").call();
            Path core = temp.resolve("clone/textstats/core.py");
            head = ForgeClient.commitFile(git, "textstats/core.py", Files.readString(core) + """


                    def most_common_words(text, n):
                        counts = {}
                        for word in words(text):
                            counts[word] = counts.get(word, 0) + 1
                        return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))[:n]
                    """, "most common words");
            assertThat(ForgeClient.push(git, ForgeClient.AGENT_TOKEN, "HEAD:refs/heads/feature/ISSUE-1"))
                    .isEqualTo(RemoteRefUpdate.Status.OK);
        }
        try (ReviewWorker worker = ReviewWorker.start(environment, temp.resolve("work"))) {
            new EmbeddedForgeCodeHost(URI.create("http://127.0.0.1:" + port), ForgeClient.AGENT_TOKEN, Duration.ofSeconds(20))
                    .openPullRequest(new RepositoryRef("agentteam", "review-demo"),
                            new NewPullRequest("feature/ISSUE-1", "main", "[ISSUE-1] Most common words", "", false));

            long task = domainEvents.await(TaskSucceeded.class, done -> done.type().equals("review.review_pr"),
                    Duration.ofMinutes(2)).taskId();

            String prompt = jdbc.queryForObject("select prompt from agent_logs where task_id = ? and model <> 'retrieval' "
                    + "order by id limit 1", String.class, task);
            String related = prompt.substring(prompt.lastIndexOf("<related_code>\n"), prompt.lastIndexOf("</related_code>"));
            assertThat(related).contains("Symbols the diff touches: most_common_words, words")
                    .containsPattern("--- textstats/core\\.py:\\d+-\\d+ \\([^)]*\\bwords\\b[^)]*\\) ---")
                    .contains("def words(text):", "return _WORD.findall(text.lower())");
            assertThat(jdbc.queryForList("select metadata->>'query' from agent_logs where task_id = ? and "
                    + "metadata->>'purpose' = 'review_context' order by id", String.class, task))
                    .containsExactly("most_common_words", "words");
            assertThat(head).isNotBlank();
        }
    }
}
