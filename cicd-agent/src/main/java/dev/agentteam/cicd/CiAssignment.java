package dev.agentteam.cicd;

import java.util.Map;

import dev.agentteam.common.codehost.ForgeTarget;
import dev.agentteam.common.task.QualityCommands;
import dev.agentteam.common.task.TaskPayloads;

/**
 * What {@code cicd.run_ci} and {@code cicd.follow_ci} get (see docs/adr/quality-reactions.md):
 * <pre>
 * {"repository": {"forge": "embedded", "full_name": "agent-team/demo", "clone_url": "…", "test_command": "…",
 *                 "lint_command": "…", "coverage_command": "…", "coverage_threshold": 80, "security_command": "…"},
 *  "pull_request": {"id": 12, "number": 3, "head": "feature/ISSUE-7", "head_sha": "…40 hex…", "base": "main"},
 *  "story_id": 7}
 * </pre>
 */
record CiAssignment(ForgeTarget target, String testCommand, long prId, int number, String head, String headSha,
                    String base, Long storyId, QualityCommands quality) {

    static CiAssignment from(Map<String, Object> payload) {
        Map<?, ?> repository = map(payload, "repository");
        Map<?, ?> pr = map(payload, "pull_request");
        @SuppressWarnings("unchecked")
        ForgeTarget target = ForgeTarget.fromPayload((Map<String, ?>) repository);
        String sha = text(pr, "head_sha");
        if (!sha.matches("[0-9a-f]{40}")) {
            throw new IllegalArgumentException("pull_request.head_sha must be a 40-character commit id, was '" + sha + "'");
        }
        Object command = repository.get("test_command");
        return new CiAssignment(target, command == null ? null : command.toString(), number(pr.get("id")),
                (int) number(pr.get("number")), text(pr, "head"), sha,
                pr.get("base") == null ? "main" : pr.get("base").toString(),
                payload.get("story_id") == null ? null : number(payload.get("story_id")), quality(repository));
    }

    @SuppressWarnings("unchecked")
    private static QualityCommands quality(Map<?, ?> repository) {
        return TaskPayloads.read((Map<String, Object>) repository, QualityCommands.class);
    }

    private static Map<?, ?> map(Map<String, Object> payload, String key) {
        if (!(payload.get(key) instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("the task payload has no " + key + " object");
        }
        return map;
    }

    private static String text(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException("pull_request." + key + " is missing");
        }
        return value.toString();
    }

    private static long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value == null) {
            return 0;
        }
        return Long.parseLong(value.toString());
    }
}
