package dev.agentteam.dev;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentteam.common.codehost.CodeHost;
import dev.agentteam.common.llm.ChatModelFactory;
import dev.agentteam.common.llm.LlmGateway;
import dev.agentteam.common.llm.LlmProperties;
import dev.agentteam.common.llm.ScenarioLibrary;
import dev.agentteam.common.prompt.PromptRegistry;
import dev.agentteam.common.sandbox.Sandbox;
import dev.agentteam.common.sandbox.SandboxProperties;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.ChangeRound;
import dev.agentteam.common.task.PullRequestTarget;
import dev.agentteam.common.task.RepositoryTarget;
import dev.agentteam.common.task.ResultStatus;
import dev.agentteam.common.task.TaskEnvelope;
import dev.agentteam.common.task.TaskPayloads;
import dev.agentteam.common.task.TaskResult;
import dev.agentteam.common.task.TaskType;
import dev.agentteam.common.worker.WorkerContexts;
import dev.agentteam.common.workspace.GitWorkspaces;
import dev.agentteam.common.workspace.WorkspaceProperties;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Change rounds with the real pieces: JGit on a local bare repository whose PR branch has a broken sub(), the sandbox
 * running Python's unittest, and the scripted model. One commit lands on the PR's own branch, the PR gets the answer,
 * and a re-run of the same task (the agent was killed after its push) pushes and comments nothing twice.
 */
class ChangeRoundHandlerTest {

    private static final Sandbox SANDBOX = new Sandbox(SandboxProperties.defaults());
    private static final DevAgentProperties PROPERTIES = new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("agentteam.dev", DevAgentProperties.class);
    private static final String BRANCH = "feature/ISSUE-42";

    @TempDir
    Path temp;

    private Path bare;
    private String prHead;
    private final List<String> comments = new CopyOnWriteArrayList<>();

    @BeforeEach
    void pullRequestBranch() throws Exception {
        bare = DevFixtures.pythonRepository(temp);
        Path work = temp.resolve("pr");
        try (Git git = Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(work.toFile()).call()) {
            git.checkout().setCreateBranch(true).setName(BRANCH).call();
            Files.writeString(work.resolve("calc/__init__.py"), "def add(a, b):\n    return a + b\n\n\ndef sub(a, b):\n    return a + b\n");
            Files.writeString(work.resolve("tests/test_sub.py"), """
                    import unittest

                    from calc import sub


                    class SubTest(unittest.TestCase):

                        def test_subtracts(self):
                            self.assertEqual(sub(2, 3), -1)
                    """);
            git.add().addFilepattern(".").call();
            PersonIdent who = new PersonIdent("dev agent", "dev@example.com");
            prHead = git.commit().setMessage("[ISSUE-42] Subtract").setAuthor(who).setCommitter(who).setSign(false).call().getName();
            git.push().setRemote("origin").add(BRANCH).call();
        }
    }

    @Test
    void aReviewRoundPushesOneCommitToThePullRequestBranchAndAnswersEachComment() throws Exception {
        ChangeRoundHandler handler = handler(TaskType.DEV_ADDRESS_REVIEW);
        TaskEnvelope task = envelope(7, TaskType.DEV_ADDRESS_REVIEW, new ChangeRound.AddressReview(repository(), pullRequest(), 42L,
                new ChangeRound.Review(5L, 1, "sub() adds instead of subtracting.", List.of(
                        new ChangeRound.ReviewComment("calc/__init__.py", 6, "major", "sub must subtract (scripted: fix-sub)",
                                "    return a - b"),
                        new ChangeRound.ReviewComment("README.md", 1, "nit", "Mention sub in the README.", null)))));

        TaskResult result = handler.handle(task, WorkerContexts.of(task, "dev-test", new AtomicInteger()));

        assertThat(result.status()).as(result.error()).isEqualTo(ResultStatus.SUCCEEDED);
        ChangeRound.Result round = TaskPayloads.read(result.output(), ChangeRound.Result.class);
        assertThat(round.committed()).isTrue();
        assertThat(round.branch()).isEqualTo(BRANCH);
        assertThat(round.files()).containsExactly("calc/__init__.py");
        List<RevCommit> log = branchLog();
        assertThat(log.get(0).getName()).isEqualTo(round.headSha());
        assertThat(log.get(0).getParent(0).getName()).isEqualTo(prHead);
        assertThat(log.get(0).getFullMessage()).startsWith("[ISSUE-42] Address review comments").contains("\nAgent-Task: 7");
        assertThat(comments).hasSize(1);
        assertThat(comments.get(0)).contains("`calc/__init__.py:6`", "→ changed `calc/__init__.py` in this commit",
                "`README.md:1`", "→ not changed in this commit", "sub() subtracts now");
        assertThat(round.replies()).hasSize(2);

        // killed after the push, the same task runs again: it finds its commit and changes nothing
        TaskResult again = handler.handle(task, WorkerContexts.of(task, "dev-test-2", new AtomicInteger()));

        assertThat(again.status()).isEqualTo(ResultStatus.SUCCEEDED);
        assertThat(TaskPayloads.read(again.output(), ChangeRound.Result.class).committed()).isFalse();
        assertThat(TaskPayloads.read(again.output(), ChangeRound.Result.class).headSha()).isEqualTo(round.headSha());
        assertThat(branchLog().get(0).getName()).isEqualTo(round.headSha());
        assertThat(comments).hasSize(1);
    }

    @Test
    void aRegressionRoundTurnsTheRedBranchGreenOnTheSameBranch() throws Exception {
        TaskEnvelope task = envelope(8, TaskType.DEV_FIX_REGRESSION, new ChangeRound.FixRegression(repository(), pullRequest(), 42L,
                List.of(new ChangeRound.Failure("test_subtracts (tests.test_sub.SubTest)", "AssertionError: 5 != -1",
                        "regression", "fails on every run since this change")), 6L, "FAILED (failures=1)"));

        TaskResult result = handler(TaskType.DEV_FIX_REGRESSION).handle(task, WorkerContexts.of(task, "dev-test", new AtomicInteger()));

        assertThat(result.status()).as(result.error()).isEqualTo(ResultStatus.SUCCEEDED);
        ChangeRound.Result round = TaskPayloads.read(result.output(), ChangeRound.Result.class);
        assertThat(round.tests()).startsWith("exit 0");
        assertThat(branchLog().get(0).getFullMessage()).startsWith("[ISSUE-42] Fix the regression QA found").contains("Agent-Task: 8");
        assertThat(comments).singleElement().asString().contains("fix the regression qa found", "exit 0");
    }

    private List<RevCommit> branchLog() throws Exception {
        try (Git git = Git.open(bare.toFile())) {
            List<RevCommit> commits = new ArrayList<>();
            git.log().add(git.getRepository().resolve("refs/heads/" + BRANCH)).call().forEach(commits::add);
            return commits;
        }
    }

    private RepositoryTarget repository() {
        return new RepositoryTarget(null, "calc", bare.toUri().toString(), "embedded", null, "main", DevFixtures.TEST_COMMAND);
    }

    private PullRequestTarget pullRequest() {
        return new PullRequestTarget(3L, 1, BRANCH, prHead, "main", null);
    }

    private static TaskEnvelope envelope(long id, TaskType type, Object payload) {
        return new TaskEnvelope(id, type.key(), AgentRole.DEV, 1, Duration.ofMinutes(5), "trace-" + id, Instant.now(),
                TaskPayloads.toMap(payload));
    }

    private ChangeRoundHandler handler(TaskType type) {
        LlmProperties llm = new Binder(new MapConfigurationPropertySource(Map.of("agentteam.llm.scripted.scenarios",
                "classpath:dev-test-scenarios"))).bindOrCreate("agentteam.llm", LlmProperties.class);
        LlmGateway gateway = new LlmGateway(new ChatModelFactory(llm, () -> ScenarioLibrary.load(llm.scripted().scenarios())),
                llm, null);
        WorkspaceProperties workspace = new WorkspaceProperties(temp.resolve("workspaces"), null, null, null, null, null, 0, 0);
        return new ChangeRoundHandler(type, new DevKit(new GitWorkspaces(workspace), SANDBOX, gateway,
                new PromptRegistry(PromptRegistry.loadClasspath(), Map.of()), access(), PROPERTIES, DevFixtures.noRetrieval()));
    }

    /** The local bare repository, and a code host that records the PR comments (anything else is a failure). */
    private RepositoryAccess access() {
        CodeHost host = (CodeHost) Proxy.newProxyInstance(CodeHost.class.getClassLoader(), new Class<?>[]{CodeHost.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("comment")) {
                        comments.add((String) args[2]);
                        return null;
                    }
                    throw new AssertionError("unexpected code host call: " + method.getName());
                });
        return DevFixtures.localAccess(host);
    }
}
