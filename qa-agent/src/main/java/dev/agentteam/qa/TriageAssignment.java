package dev.agentteam.qa;

import java.util.Map;

import dev.agentteam.common.codehost.ForgeTarget;
import dev.agentteam.common.testreport.TestReport;

/**
 * What {@code qa.triage} gets (docs/adr/quality-reactions.md): the repository and pull request as for CI, and
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

    @SuppressWarnings("unchecked")
    static TriageAssignment from(Map<String, Object> payload) {
        if (!(payload.get("repository") instanceof Map<?, ?> repository)) {
            throw new IllegalArgumentException("the task payload has no repository object");
        }
        if (!(payload.get("pull_request") instanceof Map<?, ?> pr)) {
            throw new IllegalArgumentException("the task payload has no pull_request object");
        }
        if (!(payload.get("ci") instanceof Map<?, ?> ci)) {
            throw new IllegalArgumentException("the task payload has no ci object (the CI result to triage)");
        }
        Object command = repository.get("test_command");
        if (command == null || command.toString().isBlank()) {
            throw new IllegalArgumentException("repository.test_command is missing: nothing to rerun");
        }
        String sha = String.valueOf(pr.get("head_sha"));
        if (!sha.matches("[0-9a-f]{40}")) {
            throw new IllegalArgumentException("pull_request.head_sha must be a 40-character commit id, was '" + sha + "'");
        }
        return new TriageAssignment(ForgeTarget.fromPayload((Map<String, ?>) repository), command.toString(),
                number(pr.get("id")), (int) number(pr.get("number")), sha,
                TestReport.fromMap(ci.get("report") instanceof Map<?, ?> r ? r : null),
                Boolean.TRUE.equals(ci.get("timed_out")), ci.get("log_tail") == null ? "" : ci.get("log_tail").toString(),
                ci.get("task_id") == null ? null : number(ci.get("task_id")),
                ci.get("exit_code") instanceof Number code ? code.intValue() : -1);
    }

    private static long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value == null) {
            throw new IllegalArgumentException("pull_request.id and number are required");
        }
        return Long.parseLong(value.toString());
    }
}
