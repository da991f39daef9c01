package dev.agentteam.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.agentteam.common.codehost.ForgeTarget;

/**
 * What {@code review.review_pr} gets (docs/adr/quality-reactions.md):
 * <pre>
 * {"repository": {"id": 3, "forge": "embedded", "full_name": "…", "clone_url": "…"},
 *  "pull_request": {"id": 12, "number": 3, "head": "feature/ISSUE-7", "head_sha": "…", "base": "main"},
 *  "story": {"id": 7, "title": "…", "statement": "…", "acceptance_criteria": [{"given": …, "when": …, "then": …}]},
 *  "round": 1}
 * </pre>
 */
record ReviewAssignment(ForgeTarget target, Long repositoryId, long prId, int number, String head, String headSha, String base,
                        Long storyId, String storyTitle, String statement, List<String> criteria, int round) {

    @SuppressWarnings("unchecked")
    static ReviewAssignment from(Map<String, Object> payload) {
        if (!(payload.get("repository") instanceof Map<?, ?> repository)) {
            throw new IllegalArgumentException("the task payload has no repository object");
        }
        if (!(payload.get("pull_request") instanceof Map<?, ?> pr)) {
            throw new IllegalArgumentException("the task payload has no pull_request object");
        }
        Map<?, ?> story = payload.get("story") instanceof Map<?, ?> s ? s : Map.of();
        String sha = String.valueOf(pr.get("head_sha"));
        if (!sha.matches("[0-9a-f]{40}")) {
            throw new IllegalArgumentException("pull_request.head_sha must be a 40-character commit id, was '" + sha + "'");
        }
        List<String> criteria = new ArrayList<>();
        if (story.get("acceptance_criteria") instanceof List<?> list) {
            for (Object item : list) {
                criteria.add(item instanceof Map<?, ?> c
                        ? "Given " + c.get("given") + ", when " + c.get("when") + ", then " + c.get("then")
                        : String.valueOf(item));
            }
        }
        int round = payload.get("round") instanceof Number n ? n.intValue() : 1;
        return new ReviewAssignment(ForgeTarget.fromPayload((Map<String, ?>) repository),
                repository.get("id") instanceof Number id ? id.longValue() : null, number(pr.get("id")),
                (int) number(pr.get("number")), String.valueOf(pr.get("head")), sha,
                pr.get("base") == null ? "main" : pr.get("base").toString(),
                story.get("id") == null ? null : number(story.get("id")),
                story.get("title") == null ? "" : story.get("title").toString(),
                story.get("statement") == null ? "" : story.get("statement").toString(), criteria, Math.max(1, round));
    }

    private static long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value == null) {
            throw new IllegalArgumentException("pull_request.number and id are required");
        }
        return Long.parseLong(value.toString());
    }
}
