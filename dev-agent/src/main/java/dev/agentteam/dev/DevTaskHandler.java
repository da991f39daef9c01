package dev.agentteam.dev;

import dev.agentteam.common.codehost.CodeHostException;
import dev.agentteam.common.llm.LlmException;

import dev.agentteam.common.llm.ModelSession;
import dev.agentteam.common.prompt.Prompt;



import dev.agentteam.common.sandbox.SandboxUnavailableException;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.StoryDelivered;
import dev.agentteam.common.task.TaskEnvelope;
import dev.agentteam.common.task.TaskResult;
import dev.agentteam.common.task.TextCut;
import dev.agentteam.common.worker.TaskHandler;
import dev.agentteam.common.worker.TransientTaskException;
import dev.agentteam.common.worker.WorkerContext;
import dev.agentteam.common.workspace.GitWorkspace;

import dev.agentteam.common.workspace.WorkspaceException;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code dev.implement_story}: clone, story branch, the model's tool loop, then — only if the tests pass in the
 * sandbox — commit, push and open (or reuse) the pull request. The checkout is deleted in every case.
 */
@Component
class DevTaskHandler implements TaskHandler {

    static final String TYPE = "dev.implement_story";
    private static final Logger log = LoggerFactory.getLogger(DevTaskHandler.class);

    private final DevKit kit;
    private final DeveloperLoop loop;

    DevTaskHandler(DevKit kit) {
        this.kit = kit;
        this.loop = new DeveloperLoop(kit.properties());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public TaskResult handle(TaskEnvelope task, WorkerContext context) {
        StoryAssignment story = StoryAssignment.from(task.payload());
        Prompt prompt = kit.prompts().active(AgentRole.DEV);
        ModelSession session = kit.gateway().open(task, prompt.id());
        CodeSearchTool codeSearch = new CodeSearchTool(kit.retrieval(), session.context(), story.repository(), kit.properties());
        StoryContext storyContext = StoryContext.prefetch(prompt, task.taskId(), () -> codeSearch.storyContext(story));
        context.progress("cloning " + story.repository().cloneUrl());
        try (GitWorkspace workspace = kit.workspaces().open(task.taskId(), kit.access().remote(story.repository()))) {
            String branch = workspace.checkoutStoryBranch(story.storyId());
            TestRunner tests = new TestRunner(kit.sandbox(), workspace.directory(), story.repository().testCommand(),
                    kit.properties().testTimeout());
            DevTools tools = new DevTools(workspace.files(), tests, (int) kit.properties().toolOutputLimit().toBytes(), codeSearch);
            context.progress("tool loop on " + branch);
            String closing = runLoop(session, prompt, story, workspace, branch, tools, storyContext);
            if (tools.questions() != null) {
                return TaskResult.clarify(task, context.workerId(), tools.questions(), session.usage());
            }
            if (!tools.finished() && (closing == null || closing.isBlank())) {
                return failed(task, context, session, "the model ended with an empty answer without calling finish "
                        + "after " + session.steps() + " call(s); nothing was pushed", null, tools);
            }
            context.progress("final test run before pushing " + branch);
            TestRunner.Outcome verdict = tests.run();
            if (!verdict.passed()) {
                return testsFail(task, context, session, verdict, tools);
            }
            String summary = tools.finished() ? tools.finishSummary()
                    : closing == null || closing.isBlank() ? "(the agent gave no summary)" : closing.strip();
            context.progress("pushing " + branch);
            Delivery delivery = new Delivery(workspace, kit.access(), story, branch);
            StoryDelivered delivered = delivery.deliver(summary, verdict, tools.changedFiles());
            StoryDelivered output = new StoryDelivered(delivered.prNumber(), delivered.prUrl(), delivered.branch(),
                    delivered.baseBranch(), delivered.headSha(), delivered.committed(), delivered.title(), delivered.tests(),
                    delivered.files(), delivered.summary(), session.steps(), tools.trajectory());
            log.info("Story {} delivered on {} as PR #{}", story.storyId(), branch, output.prNumber());
            return TaskResult.succeeded(task, context.workerId(), output, session.usage());
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    private String runLoop(ModelSession session, Prompt prompt, StoryAssignment story, GitWorkspace workspace,
                           String branch, DevTools tools, StoryContext storyContext) {
        return loop.run(session, prompt, LoopVariables.of(prompt, story.repository(), story.storyId(), branch, workspace,
                kit.properties(), storyContext::get), tools, StoryMessage.render(story));
    }

    private TaskResult testsFail(TaskEnvelope task, WorkerContext context, ModelSession session, TestRunner.Outcome verdict,
                                 DevTools tools) {
        String output = TextCut.tail(verdict.output(), (int) kit.properties().resultOutputLimit().toBytes());
        String error = "tests still fail after the tool loop (" + verdict.summary() + "); nothing was pushed. "
                + "Last test output:\n" + output;
        return failed(task, context, session, error, new StoryDelivered.TestsRun(verdict.command(), false,
                verdict.exitCode(), verdict.summary(), output), tools);
    }

    /** A failure no retry would fix (the model's own doing): the reason, what the agent did, and the tokens spent. */
    private static TaskResult failed(TaskEnvelope task, WorkerContext context, ModelSession session, String error,
                                     StoryDelivered.TestsRun tests, DevTools tools) {
        return TaskResult.failed(task, context.workerId(), error, false, session.usage(),
                new StoryDelivered.Attempt(tests, session.steps(), tools.trajectory()));
    }

    /** Model, forge and network outages may pass (retry); a spent budget, invalid output or a missing sandbox will not. */
    static RuntimeException translate(RuntimeException e) {
        LlmException llm = DeveloperLoop.llmCause(e);
        if (llm != null) {
            return llm.retryable() ? new TransientTaskException(llm.getMessage(), e) : llm;
        }
        if (e instanceof CodeHostException host && host.retryable()) {
            return new TransientTaskException("code host unavailable: " + host.getMessage(), host.retryAfter(), e);
        }
        if (e instanceof WorkspaceException git) {
            // clone, fetch or push against the forge: usually the network or the forge being down
            return new TransientTaskException(git.getMessage(), e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CancellationException) {
                // the worker is shutting down: another worker should take the story from the start
                return new TransientTaskException("interrupted: " + t.getMessage(), e);
            }
        }
        SandboxUnavailableException sandbox = DeveloperLoop.sandboxCause(e);
        return sandbox != null ? sandbox : e;
    }
}
