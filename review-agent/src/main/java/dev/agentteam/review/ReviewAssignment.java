package dev.agentteam.review;

import java.util.List;
import java.util.Map;

import dev.agentteam.common.codehost.ForgeTarget;
import dev.agentteam.common.task.ImplementStory;
import dev.agentteam.common.task.InvalidPayloadException;
import dev.agentteam.common.task.PullRequestTarget;
import dev.agentteam.common.task.QualityTask;
import dev.agentteam.common.task.RepositoryTarget;
import dev.agentteam.common.task.TaskPayloads;

/**
 * What {@code review.review_pr} gets ({@link QualityTask.ReviewPullRequest} on the wire, docs/adr/quality-reactions.md):
 * <pre>
 * {"repository": {"id": 3, "forge": "embedded", "full_name": "…", "clone_url": "…"},
 *  "pull_request": {"id": 12, "number": 3, "head": "feature/ISSUE-7", "head_sha": "…", "base": "main"},
 *  "story": {"id": 7, "title": "…", "statement": "…", "acceptance_criteria": [{"given": …, "when": …, "then": …}]},
 *  "round": 1}
 * </pre>
 */
record ReviewAssignment(ForgeTarget target, Long repositoryId, long prId, int number, String head, String headSha, String base,
                        Long storyId, String storyTitle, String statement, List<String> criteria, int round) {

    /** @throws InvalidPayloadException naming the first missing or malformed field */
    static ReviewAssignment from(Map<String, Object> payload) {
        QualityTask.ReviewPullRequest task = TaskPayloads.read(payload, QualityTask.ReviewPullRequest.class);
        RepositoryTarget repository = task.repository();
        PullRequestTarget pr = task.pullRequest();
        ImplementStory.Story story = task.story() == null ? new ImplementStory.Story(null, null, null, null, null) : task.story();
        int round = task.round() == null ? 1 : task.round();
        return new ReviewAssignment(ForgeTarget.of(repository), repository.id(), pr.id(), pr.number(), pr.headOrEmpty(),
                pr.validHeadSha(), pr.baseOrDefault(), story.id(), story.title() == null ? "" : story.title(),
                story.statement() == null ? "" : story.statement(), story.criteriaText(), Math.max(1, round));
    }
}
