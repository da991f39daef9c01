package dev.agentteam.orchestrator.pullrequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import dev.agentteam.common.codehost.CodeHost;
import dev.agentteam.common.codehost.CodeHostException;
import dev.agentteam.common.codehost.CodeHostContractTest;
import dev.agentteam.common.codehost.CommitCheck;
import dev.agentteam.common.codehost.EmbeddedForgeCodeHost;
import dev.agentteam.common.codehost.InlineComment;
import dev.agentteam.common.codehost.MergeMethod;
import dev.agentteam.common.codehost.PullRequest;
import dev.agentteam.common.codehost.RepositoryRef;
import dev.agentteam.common.testing.ContainerServices;
import dev.agentteam.orchestrator.forge.ForgeStorage;
import dev.agentteam.orchestrator.support.ForgeClient;
import dev.agentteam.orchestrator.support.TestApi;
import dev.agentteam.orchestrator.support.TestUsers;
import dev.agentteam.orchestrator.support.Truncation;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The CodeHost contract against EmbeddedForgeCodeHost talking to the running orchestrator over HTTP. The client
 * holds the admin token because the contract includes merging (the merge gate's token); agent-token refusals
 * are in {@link ForgeFlowTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ContainerServices.class)
class EmbeddedForgeCodeHostContractTest extends CodeHostContractTest {

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private ForgeStorage storage;

    @Autowired
    private ApplicationContext context;

    private TestApi api;
    private EmbeddedForgeCodeHost codeHost;
    private Path work;

    @BeforeEach
    void setUp() throws IOException {
        Truncation.retryingDeadlocks(jdbc, "truncate repositories, pr_records restart identity cascade");
        api = new TestApi(port, new TestUsers(context).person("admin"));
        codeHost = new EmbeddedForgeCodeHost(URI.create("http://127.0.0.1:" + port), ForgeClient.ADMIN_TOKEN, null);
        work = Files.createTempDirectory("forge-contract");
    }

    @AfterEach
    void cleanUp() throws IOException {
        FileSystemUtils.deleteRecursively(work);
    }

    @Override
    protected CodeHost codeHost() {
        return codeHost;
    }

    @Override
    protected SeededRepository givenRepository() {
        String name = "shop-" + System.nanoTime();
        var created = api.postJson("/api/repositories",
                "{\"name\": \"" + name + "\", \"source\": {\"type\": \"template\", \"template\": \"demo-python\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new SeededRepository(new RepositoryRef(storage.owner(), name), "main", branchSha(name, "main"));
    }

    @Override
    protected RepositoryRef givenMissingRepository() {
        return new RepositoryRef(storage.owner(), "nothing-here");
    }

    @Override
    protected String givenPushedBranch(SeededRepository repository, String branch) {
        String cloneUrl = "http://127.0.0.1:" + port + "/git/" + repository.ref().name() + ".git";
        try (Git git = ForgeClient.cloneRepository(cloneUrl, ForgeClient.AGENT_TOKEN, work.resolve(branch.replace('/', '-')))) {
            String sha = ForgeClient.commitFile(git, "src/main/java/App.java", "class App {\n}\n", "Add App");
            ForgeClient.push(git, ForgeClient.AGENT_TOKEN, "HEAD:refs/heads/" + branch);
            return sha;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected void givenCiResults(SeededRepository repository, String sha, List<CommitCheck> statuses,
            List<CommitCheck> checkRuns) {
        statuses.forEach(check -> report(repository, sha, "statuses", check));
        checkRuns.forEach(check -> report(repository, sha, "check-runs", check));
    }

    private void report(SeededRepository repository, String sha, String kind, CommitCheck check) {
        String url = check.detailsUrl() == null ? "null" : "\"" + check.detailsUrl() + "\"";
        var reply = api.send("POST", "/api/forge/repos/" + repository.ref().fullName() + "/commits/" + sha + "/" + kind,
                "application/json", "{\"context\": \"" + check.name() + "\", \"state\": \"" + check.state().name()
                        + "\", \"target_url\": " + url + "}", ForgeClient.AGENT_TOKEN);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    @Override
    protected void thenBranchPointsAt(SeededRepository repository, String branch, String sha) {
        assertThat(branchSha(repository.ref().name(), branch)).isEqualTo(sha);
    }

    @Override
    protected void thenPullRequestsOpened(SeededRepository repository, String head, int count) {
        assertThat(jdbc.queryForObject("select count(*) from pr_records where repo = ? and branch = ?", Integer.class,
                repository.ref().fullName(), head)).isEqualTo(count);
    }

    @Override
    protected void thenCommentPosted(SeededRepository repository, int number, String body) {
        assertThat(jdbc.queryForList("select c.body from pr_comments c join pr_records p on p.id = c.pr_id "
                + "where p.repo = ? and p.pr_number = ? and c.kind = 'comment'", String.class,
                repository.ref().fullName(), number)).containsExactly(body);
    }

    @Override
    protected void thenInlineCommentPosted(SeededRepository repository, int number, InlineComment comment) {
        assertThat(jdbc.queryForList("select c.path || ':' || c.line || ':' || c.body from pr_comments c "
                + "join pr_records p on p.id = c.pr_id where p.repo = ? and p.pr_number = ? and c.kind = 'inline'",
                String.class, repository.ref().fullName(), number))
                .containsExactly(comment.path() + ":" + comment.line() + ":" + comment.body());
    }

    @Override
    protected void thenLabelsAdded(SeededRepository repository, int number, Set<String> labels) {
        assertThat(jdbc.queryForList("select l.label from pr_labels l join pr_records p on p.id = l.pr_id "
                + "where p.repo = ? and p.pr_number = ?", String.class, repository.ref().fullName(), number))
                .containsExactlyInAnyOrderElementsOf(labels);
    }

    /**
     * Issue 13, attack 5: the forge's merge endpoint merged for the admin token with no human approval. No token
     * merges on the embedded forge now; the merge gate merges in-process after a person's approval.
     */
    @Override
    @Test
    protected void mergesWhenAskedWithTheExpectedHead() {
        SeededRepository repository = givenRepository();
        String head = givenPushedBranch(repository, "feature/ISSUE-5");
        PullRequest pr = openShipIt(repository);

        assertThatThrownBy(() -> codeHost().merge(repository.ref(), pr.number(), head, MergeMethod.MERGE))
                .isInstanceOfSatisfying(CodeHostException.class, refused -> assertThat(refused.status()).isEqualTo(403));

        assertThat(jdbc.queryForObject("select status from pr_records where repo = ? and pr_number = ?", String.class,
                repository.ref().fullName(), pr.number())).isEqualTo("OPEN");
    }

    @Override
    protected void thenMerged(SeededRepository repository, int number, String headSha) {
        assertThat(jdbc.queryForObject("select status from pr_records where repo = ? and pr_number = ?", String.class,
                repository.ref().fullName(), number)).isEqualTo("MERGED");
        try (Repository git = storage.open(repository.ref().name()).orElseThrow(); RevWalk walk = new RevWalk(git)) {
            var main = walk.parseCommit(git.resolve("refs/heads/main"));
            assertThat(walk.isMergedInto(walk.parseCommit(git.resolve(headSha)), main)).isTrue();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String branchSha(String name, String branch) {
        try (Repository git = storage.open(name).orElseThrow()) {
            var ref = git.exactRef("refs/heads/" + branch);
            return ref == null ? null : ref.getObjectId().name();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
