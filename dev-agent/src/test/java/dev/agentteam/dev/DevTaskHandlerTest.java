package dev.agentteam.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.agentteam.common.llm.BudgetExceededException;
import dev.agentteam.common.llm.ChatModelFactory;
import dev.agentteam.common.llm.LlmGateway;
import dev.agentteam.common.llm.LlmProperties;
import dev.agentteam.common.llm.ScenarioLibrary;
import dev.agentteam.common.prompt.PromptRegistry;
import dev.agentteam.common.sandbox.Sandbox;
import dev.agentteam.common.sandbox.SandboxProperties;
import dev.agentteam.common.task.ResultStatus;
import dev.agentteam.common.task.TaskEnvelope;
import dev.agentteam.common.task.TaskResult;
import dev.agentteam.common.worker.TaskFailure;
import dev.agentteam.common.worker.WorkerContexts;
import dev.agentteam.common.workspace.GitWorkspaces;
import dev.agentteam.common.workspace.WorkspaceProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The handler's outcomes that end without a pull request, with the real pieces: JGit on a local bare repository,
 * the sandbox running Python's unittest, and the scripted model through the gateway.
 */
class DevTaskHandlerTest {

    private static final Sandbox SANDBOX = new Sandbox(SandboxProperties.defaults());
    private static final DevAgentProperties PROPERTIES = new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("agentteam.dev", DevAgentProperties.class);

    @TempDir
    Path temp;

    private Path bare;
    private Path workRoot;
    private final AtomicInteger heartbeats = new AtomicInteger();

    @BeforeEach
    void repository() throws Exception {
        bare = DevFixtures.pythonRepository(temp);
        workRoot = temp.resolve("workspaces");
    }

    private DevTaskHandler handler(int maxSteps) {
        return handler(Map.of("agentteam.llm.budget.max-steps", String.valueOf(maxSteps),
                "agentteam.llm.scripted.scenarios", "classpath:dev-test-scenarios"));
    }

    private DevTaskHandler handler(Map<String, String> settings) {
        LlmProperties llm = new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("agentteam.llm", LlmProperties.class);
        LlmGateway gateway = new LlmGateway(new ChatModelFactory(llm, () -> ScenarioLibrary.load(llm.scripted().scenarios())),
                llm, null);
        WorkspaceProperties workspace = new WorkspaceProperties(workRoot, null, null, null, null, null, 0, 0);
        return new DevTaskHandler(new DevKit(new GitWorkspaces(workspace), SANDBOX, gateway,
                new PromptRegistry(PromptRegistry.loadClasspath(), Map.of()), DevFixtures.localAccess(), PROPERTIES, DevFixtures.noRetrieval()));
    }

    private TaskResult run(DevTaskHandler handler, TaskEnvelope task) throws Exception {
        return handler.handle(task, WorkerContexts.of(task, "dev-test", heartbeats));
    }

    /** How the worker reports the exception the handler ended with. */
    private TaskFailure failureOf(DevTaskHandler handler, TaskEnvelope task) {
        Throwable thrown = catchThrowable(() -> run(handler, task));
        assertThat(thrown).isNotNull();
        return TaskFailure.of(thrown);
    }

    @Test
    void anAmbiguousStoryEndsInQuestionsAndLeavesNothingBehind() throws Exception {
        TaskResult result = run(handler(10), DevFixtures.task(1, "Add (scripted: clarify)", bare, List.of()));

        assertThat(result.status()).isEqualTo(ResultStatus.CLARIFY);
        assertThat(result.questions()).containsExactly("Should add() accept floats or only integers?",
                "What should add() return for None?");
        assertThat(result.usage().totalTokens()).isPositive();
        assertThat(heartbeats).hasPositiveValue();
        assertThat(remoteBranches()).containsExactly("refs/heads/main");
        assertThat(workRoot.resolve("task-1")).doesNotExist();
    }

    @Test
    void testsThatFailAfterFinishFailTheTaskForGoodWithTheirOutputAndNothingIsPushed() throws Exception {
        TaskResult result = run(handler(10), DevFixtures.task(2, "Multiply (scripted: red)", bare, List.of()));

        assertThat(result.status()).isEqualTo(ResultStatus.FAILED);
        assertThat(result.retryable()).isFalse();
        assertThat(result.error()).contains("tests still fail", "exit 1", "nothing was pushed",
                "ImportError", "multiply");
        @SuppressWarnings("unchecked")
        Map<String, Object> tests = (Map<String, Object>) result.output().get("tests");
        assertThat(tests).containsEntry("passed", false).containsEntry("exit_code", 1)
                .containsEntry("command", DevFixtures.TEST_COMMAND);
        assertThat(remoteBranches()).containsExactly("refs/heads/main");
        assertThat(workRoot.resolve("task-2")).doesNotExist();
    }

    @Test
    void toolMistakesGoBackToTheModelAndALoopThatChangedNothingHasNothingToDeliver() throws Exception {
        DevTaskHandler handler = handler(10);
        TaskEnvelope task = DevFixtures.task(3, "Nothing (scripted: mistakes)", bare, List.of());

        assertThatThrownBy(() -> run(handler, task)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("changed nothing").hasMessageContaining("feature/ISSUE-42");
        assertThat(remoteBranches()).containsExactly("refs/heads/main");
        assertThat(workRoot.resolve("task-3")).doesNotExist();
    }

    @Test
    void aSpentStepBudgetEndsTheTaskWithoutRetry() {
        DevTaskHandler handler = handler(2);
        TaskEnvelope task = DevFixtures.task(4, "Browse (scripted: long)", bare, List.of());

        TaskFailure failure = failureOf(handler, task);

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.reason()).startsWith(BudgetExceededException.class.getSimpleName() + ": ").contains("max-steps");
        assertThat(workRoot.resolve("task-4")).doesNotExist();
    }

    @Test
    void aModelThatCannotBeReachedMakesTheAttemptRetryable() throws Exception {
        DevTaskHandler handler = handler(Map.of("agentteam.llm.provider", "openai", "agentteam.llm.base-url",
                "http://127.0.0.1:9/v1", "agentteam.llm.api-key", "test-key", "agentteam.llm.model", "gpt-test",
                "agentteam.llm.max-retries", "0", "agentteam.llm.timeout", "2s"));
        TaskEnvelope task = DevFixtures.task(6, "Anything", bare, List.of());

        TaskFailure failure = failureOf(handler, task);

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.reason()).contains("model endpoint unreachable");
        assertThat(remoteBranches()).containsExactly("refs/heads/main");
        assertThat(workRoot.resolve("task-6")).doesNotExist();
    }

    @Test
    void aPayloadWithoutRepositoryIsRefusedClearly() {
        TaskEnvelope task = new TaskEnvelope(5, DevTaskHandler.TYPE, dev.agentteam.common.task.AgentRole.DEV, 1, null, "t",
                null, Map.of("story", Map.of("id", 7, "title", "x")));

        assertThatThrownBy(() -> run(handler(10), task)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("payload needs a 'repository' object");
    }

    private List<String> remoteBranches() throws Exception {
        try (Git git = Git.open(bare.toFile())) {
            return git.branchList().call().stream().map(ref -> ref.getName()).toList();
        }
    }
}
