package dev.agentteam.cicd;

import java.util.Map;

import dev.agentteam.common.codehost.ForgeTarget;
import dev.agentteam.common.task.InvalidPayloadException;
import dev.agentteam.common.task.PullRequestTarget;
import dev.agentteam.common.task.QualityCommands;
import dev.agentteam.common.task.QualityTask;
import dev.agentteam.common.task.RepositoryTarget;
import dev.agentteam.common.task.TaskPayloads;

/**
 * What {@code cicd.run_ci} ({@link QualityTask.RunCi}) and {@code cicd.follow_ci} ({@link QualityTask.FollowCi}) get
 * (see docs/adr/quality-reactions.md):
 * <pre>
 * {"repository": {"forge": "embedded", "full_name": "agent-team/demo", "clone_url": "…", "test_command": "…",
 *                 "lint_command": "…", "coverage_command": "…", "coverage_threshold": 80, "security_command": "…"},
 *  "pull_request": {"id": 12, "number": 3, "head": "feature/ISSUE-7", "head_sha": "…40 hex…", "base": "main"},
 *  "story_id": 7, "rerun_failed": true (follow_ci only)}
 * </pre>
 */
record CiAssignment(ForgeTarget target, String testCommand, long prId, int number, String head, String headSha,
                    String base, Long storyId, QualityCommands quality, boolean rerunFailed) {

    /** @throws InvalidPayloadException naming the first missing or malformed field */
    static CiAssignment runCi(Map<String, Object> payload) {
        QualityTask.RunCi task = TaskPayloads.read(payload, QualityTask.RunCi.class);
        return of(task.repository(), task.pullRequest(), task.storyId(), false);
    }

    /** @throws InvalidPayloadException naming the first missing or malformed field */
    static CiAssignment followCi(Map<String, Object> payload) {
        QualityTask.FollowCi task = TaskPayloads.read(payload, QualityTask.FollowCi.class);
        return of(task.repository(), task.pullRequest(), task.storyId(), task.rerunFailed());
    }

    private static CiAssignment of(RepositoryTarget repository, PullRequestTarget pr, Long storyId, boolean rerunFailed) {
        return new CiAssignment(ForgeTarget.of(repository), repository.testCommand(), pr.id(), pr.number(), pr.headOrEmpty(),
                pr.validHeadSha(), pr.baseOrDefault(), storyId, repository.quality(), rerunFailed);
    }
}
