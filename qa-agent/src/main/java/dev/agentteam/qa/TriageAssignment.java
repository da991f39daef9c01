package dev.agentteam.qa;

import java.util.Map;

import dev.agentteam.common.codehost.ForgeTarget;
import dev.agentteam.common.task.InvalidPayloadException;
import dev.agentteam.common.task.PullRequestTarget;
import dev.agentteam.common.task.QualityTask;
import dev.agentteam.common.task.RepositoryTarget;
import dev.agentteam.common.task.TaskPayloads;
import dev.agentteam.common.testreport.TestReport;

/**
 * What {@code qa.triage} gets ({@link QualityTask.Triage} on the wire, docs/adr/quality-reactions.md): the repository and pull request as for CI, and
 * the CI task's output under {@code ci} ({@code report}, {@code timed_out}, {@code exit_code}, {@code log_tail},
 * {@code task_id}).
 * <pre>
 * {"repository": {"forge": …, "full_name": …, "clone_url": …, "test_command": …},
 *  "pull_request": {"id": 12, "number": 3, "head_sha": "…", "base": "main"},
 *  "ci": {"task_id": 40, "report": {"tests": 5, "failures": 1, …, "failed": [{"name": …, "kind": …, "message": …}]},
 *         "timed_out": false, "exit_code": 1, "log_tail": "…"},
 *  "story_id": 7}
 * </pre>
 */
record TriageAssignment(ForgeTarget target, String testCommand, long prId, int number, String headSha,
                        TestReport ciReport, boolean ciTimedOut, String ciLog, Long ciTaskId, int ciExitCode) {

    /** CI ran tests and every one passed: there is nothing to classify. */
    boolean ciGreen() {
        return !ciTimedOut && ciExitCode == 0 && ciReport.tests() > 0 && ciReport.failures() == 0 && ciReport.errors() == 0;
    }

    /** @throws InvalidPayloadException naming the first missing or malformed field */
    static TriageAssignment from(Map<String, Object> payload) {
        QualityTask.Triage task = TaskPayloads.read(payload, QualityTask.Triage.class);
        RepositoryTarget repository = task.repository();
        PullRequestTarget pr = task.pullRequest();
        QualityTask.CiOutcome ci = task.ci();
        return new TriageAssignment(ForgeTarget.of(repository), repository.testCommand(), pr.id(), pr.number(),
                pr.validHeadSha(), TestReport.fromMap(ci.report()),
                Boolean.TRUE.equals(ci.timedOut()), ci.logTail() == null ? "" : ci.logTail(), ci.taskId(),
                ci.exitCode() == null ? -1 : ci.exitCode());
    }
}
