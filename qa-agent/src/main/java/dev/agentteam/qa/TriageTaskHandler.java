package dev.agentteam.qa;

import java.util.List;
import java.util.Map;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.agentteam.common.codehost.CodeHostException;
import dev.agentteam.common.codehost.CodeHosts;
import dev.agentteam.common.llm.LlmGateway;
import dev.agentteam.common.llm.ModelSession;
import dev.agentteam.common.llm.StructuredOutput;
import dev.agentteam.common.prompt.Prompt;
import dev.agentteam.common.prompt.PromptRegistry;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.ChangeRound;
import dev.agentteam.common.task.QualityResult;
import dev.agentteam.common.task.TaskEnvelope;
import dev.agentteam.common.task.TaskResult;
import dev.agentteam.common.testreport.TestCommandRunner;
import dev.agentteam.common.testreport.TestExecution;
import dev.agentteam.common.testreport.TestReport;
import dev.agentteam.common.worker.StepFailedException;
import dev.agentteam.common.worker.TaskHandler;
import dev.agentteam.common.worker.WorkerContext;
import dev.agentteam.common.workspace.GitWorkspace;
import dev.agentteam.common.workspace.GitWorkspaces;
import dev.agentteam.common.workspace.RemoteRepository;
import dev.agentteam.common.workspace.WorkspaceException;

/**
 * {@code qa.triage}: reruns the pull request's tests once on the same commit in the sandbox, classifies each CI
 * failure by code (regression, flaky, infrastructure; see {@link Triage}), has the model explain it, and posts one
 * comment with the explanation and the computed table. The orchestrator records flaky tests and turns regressions
 * into a {@code dev.fix_regression} task from the result.
 */
@Component
class TriageTaskHandler implements TaskHandler {

    static final String TYPE = "qa.triage";
    private static final Logger log = LoggerFactory.getLogger(TriageTaskHandler.class);

    private final GitWorkspaces workspaces;
    private final TestCommandRunner tests;
    private final CodeHosts codeHosts;
    private final LlmGateway gateway;
    private final StructuredOutput structured;
    private final PromptRegistry prompts;
    private final QaAgentProperties properties;

    TriageTaskHandler(GitWorkspaces workspaces, TestCommandRunner tests, CodeHosts codeHosts, LlmGateway gateway,
                      StructuredOutput structured, PromptRegistry prompts, QaAgentProperties properties) {
        this.workspaces = workspaces;
        this.tests = tests;
        this.codeHosts = codeHosts;
        this.gateway = gateway;
        this.structured = structured;
        this.prompts = prompts;
        this.properties = properties;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public TaskResult handle(TaskEnvelope task, WorkerContext context) {
        TriageAssignment ci = TriageAssignment.from(task.payload());
        if (ci.ciGreen()) {
            // Nothing to classify: the PR still gets its one QA comment, without a rerun or a model call.
            post(ci, TriageComment.green(ci.ciReport()));
            log.info("QA on {}#{} at {}: CI green, nothing to triage", ci.target().fullName(), ci.number(), ci.headSha());
            return TaskResult.succeeded(task, context.workerId(), greenOutput(ci), session(task).usage());
        }
        TestExecution rerun;
        try (GitWorkspace workspace = workspaces.open(task.taskId(),
                new RemoteRepository(ci.target().cloneUrl(), codeHosts.gitToken(ci.target())))) {
            workspace.checkoutCommit(ci.headSha());
            context.progress("rerunning `" + ci.testCommand() + "` on " + ci.headSha());
            rerun = tests.run(workspace.directory(), ci.testCommand(), properties.rerunTimeout());
        } catch (WorkspaceException e) {
            throw new StepFailedException("could not check out " + ci.headSha() + " for the rerun", e);
        }
        Triage triage = Triage.of(ci.ciReport(), ci.ciTimedOut(), ci.ciLog(), rerun);
        Prompt prompt = prompts.active(AgentRole.QA);
        ModelSession session = gateway.open(task, prompt.id());
        String prose = structured.ask(session, List.of(
                SystemMessage.from(prompt.render(Map.of("repository", ci.target().fullName()))),
                UserMessage.from(TriageComment.facts(triage, rerun))), prompt.outputSchema()).path("comment").asString();
        post(ci, TriageComment.render(prose, triage, properties.maxListed()));
        log.info("Triaged {}#{} at {}: {}", ci.target().fullName(), ci.number(), ci.headSha(), triage.verdict().key());
        return TaskResult.succeeded(task, context.workerId(), output(ci, triage, rerun), session.usage());
    }

    private ModelSession session(TaskEnvelope task) {
        return gateway.open(task, prompts.active(AgentRole.QA).id());
    }

    private void post(TriageAssignment ci, String comment) {
        try {
            codeHosts.forTarget(ci.target()).comment(ci.target().ref(), ci.number(), comment);
        } catch (CodeHostException e) {
            throw new StepFailedException("could not post the triage comment", e);
        }
    }

    private static QualityResult.Triage greenOutput(TriageAssignment ci) {
        return new QualityResult.Triage(QualityResult.Triage.CLEAN, ci.prId(), ci.number(), ci.headSha(), ci.ciTaskId(),
                List.of(), List.of(), List.of(), List.of(), null, true);
    }

    private static QualityResult.Triage output(TriageAssignment ci, Triage triage, TestExecution rerun) {
        TestReport report = rerun.report();
        QualityResult.TestOutcome outcome = QualityResult.TestOutcome.of(report.tests(), report.failures(), report.errors(),
                report.skipped(), report.source(), report.failed().stream()
                        .map(f -> QualityResult.FailedTest.of(f.name(), f.error(), f.message())).toList());
        return new QualityResult.Triage(triage.verdict().key(), ci.prId(), ci.number(), ci.headSha(), ci.ciTaskId(),
                results(triage.items()), results(triage.of(Classification.REGRESSION)),
                triage.of(Classification.FLAKY).stream().map(Triage.Item::name).toList(),
                results(triage.of(Classification.INFRASTRUCTURE)),
                new QualityResult.Rerun(outcome, rerun.process().exitCode(), rerun.process().timedOut(),
                        rerun.process().duration().toMillis()), true);
    }

    private static List<ChangeRound.Failure> results(List<Triage.Item> items) {
        return items.stream().map(Triage.Item::toResult).toList();
    }
}
