package dev.agentteam.dev;

import dev.agentteam.common.codehost.CodeHost;
import dev.agentteam.common.llm.ModelSession;
import dev.agentteam.common.prompt.Prompt;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.ChangeRound;
import dev.agentteam.common.task.StoryDelivered;
import dev.agentteam.common.task.TaskEnvelope;
import dev.agentteam.common.task.TaskResult;
import dev.agentteam.common.task.TaskType;
import dev.agentteam.common.task.TextCut;
import dev.agentteam.common.worker.TaskHandler;
import dev.agentteam.common.worker.WorkerContext;
import dev.agentteam.common.workspace.GitWorkspace;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code dev.address_review} and {@code dev.fix_regression}: a change round on an open pull request. Checks out the
 * PR's head branch, runs the same tool loop as for a story with the feedback as its input, and — only if the tests
 * pass in the sandbox — pushes one commit to the same branch and answers on the PR. The commit carries the trailer
 * {@code Agent-Task: <task id>}: a re-run of the same task (the agent was killed after pushing) finds it and pushes
 * nothing twice.
 */
final class ChangeRoundHandler implements TaskHandler {

    static final String TRAILER = "Agent-Task: ";
    private static final int TRAILER_DEPTH = 50;
    private static final Logger log = LoggerFactory.getLogger(ChangeRoundHandler.class);

    private final TaskType type;
    private final DevKit kit;
    private final DeveloperLoop loop;

    ChangeRoundHandler(TaskType type, DevKit kit) {
        this.type = type;
        this.kit = kit;
        this.loop = new DeveloperLoop(kit.properties());
    }

    @Override
    public String type() {
        return type.key();
    }

    @Override
    public TaskResult handle(TaskEnvelope task, WorkerContext context) {
        ChangeRequest request = ChangeRequest.from(type, task.payload());
        String trailer = TRAILER + task.taskId();
        context.progress("cloning " + request.repository().cloneUrl() + " for PR #" + request.pullRequest().number());
        try (GitWorkspace workspace = kit.workspaces().open(task.taskId(), kit.access().remote(request.repository()))) {
            String branch = workspace.checkoutBranch(request.branch());
            Optional<String> pushed = workspace.findCommitWithLine(trailer, TRAILER_DEPTH);
            if (pushed.isPresent()) {
                log.info("Task {} already pushed {} to {}: nothing to do twice", task.taskId(), pushed.get(), branch);
                return succeeded(task, context, null, request, new ChangeRound.Result(request.pullRequest().id(),
                        request.pullRequest().number(), branch, pushed.get(), false,
                        "already pushed by an earlier run of this task", List.of(), List.of(), null, List.of()));
            }
            return change(task, context, request, workspace, branch, trailer);
        }
    }

    private TaskResult change(TaskEnvelope task, WorkerContext context, ChangeRequest request, GitWorkspace workspace,
                              String branch, String trailer) {
        Prompt prompt = kit.prompts().active(AgentRole.DEV);
        ModelSession session = kit.gateway().open(task, prompt.id());
        TestRunner tests = new TestRunner(kit.sandbox(), workspace.directory(), request.repository().testCommand(),
                kit.properties().testTimeout());
        CodeSearchTool codeSearch = new CodeSearchTool(kit.retrieval(), session.context(), request.repository(), kit.properties());
        DevTools tools = new DevTools(workspace.files(), tests, (int) kit.properties().toolOutputLimit().toBytes(), codeSearch);
        context.progress("tool loop on " + branch);
        String closing = loop.run(session, prompt, LoopVariables.of(prompt, request.repository(), request.storyId(), branch,
                workspace, kit.properties(), () -> codeSearch.context(request.message())), tools, request.message());
        if (tools.questions() != null) {
            return TaskResult.clarify(task, context.workerId(), tools.questions(), session.usage());
        }
        context.progress("final test run before pushing " + branch);
        TestRunner.Outcome verdict = tests.run();
        if (!verdict.passed()) {
            String error = "tests still fail after the change round (" + verdict.summary() + "); nothing was pushed. Last test output:\n"
                    + TextCut.tail(verdict.output(), (int) kit.properties().resultOutputLimit().toBytes());
            return TaskResult.failed(task, context.workerId(), error, false, session.usage(),
                    new StoryDelivered.Attempt(null, null, tools.trajectory()));
        }
        String summary = tools.finished() ? tools.finishSummary()
                : closing == null || closing.isBlank() ? "(the agent gave no summary)" : closing.strip();
        Optional<String> commit = workspace.commitAll("[ISSUE-" + request.storyId() + "] " + request.subject() + "\n\n"
                + summary.strip() + "\n\n" + trailer);
        if (commit.isEmpty()) {
            throw new IllegalStateException("the change round changed nothing on " + branch + ": there is no commit to push");
        }
        context.progress("pushing " + branch);
        String headSha = workspace.push();
        List<String> files = List.copyOf(tools.changedFiles());
        List<ChangeRound.Reply> replies = ChangeReplies.replies(request.comments(), files);
        CodeHost host = kit.access().codeHost(request.repository());
        host.comment(kit.access().ref(request.repository()), request.pullRequest().number(),
                ChangeReplies.comment(request, headSha, summary, replies, verdict.summary()));
        return succeeded(task, context, session, request, new ChangeRound.Result(request.pullRequest().id(),
                request.pullRequest().number(), branch, headSha, true, summary, files, replies, verdict.summary(),
                tools.trajectory()));
    }

    private static TaskResult succeeded(TaskEnvelope task, WorkerContext context, ModelSession session, ChangeRequest request,
                                        ChangeRound.Result result) {
        log.info("{} on PR #{}: head {} (committed: {})", request.type().key(), request.pullRequest().number(),
                result.headSha(), result.committed());
        return TaskResult.succeeded(task, context.workerId(), result, session == null ? null : session.usage());
    }
}
