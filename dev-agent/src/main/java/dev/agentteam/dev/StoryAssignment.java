package dev.agentteam.dev;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The payload of {@code dev.implement_story}, read and checked once:
 * <pre>
 * {"story": {"id": 12, "title": "…", "statement": "…", "acceptance_criteria": ["…" | {"given","when","then"}]},
 *  "repository": {"id": 3, "name": "demo", "clone_url": "http://…/git/demo.git", "forge": "embedded", "full_name": "…",
 *                 "default_branch": "main", "test_command": "python3 -m unittest discover -s tests"},
 *  "clarifications": [{"question": "…", "answer": "…"}]}
 * </pre>
 */
record StoryAssignment(long storyId, String title, String statement, List<String> acceptanceCriteria,
                       TargetRepository repository, List<Clarification> clarifications) {

    /** @param id the orchestrator's repository id (its code index), or null when the payload has none */
    record TargetRepository(Long id, String name, String cloneUrl, String forge, String fullName, String defaultBranch,
                            String testCommand) {
    }

    record Clarification(String question, String answer) {
    }

    /** @throws IllegalArgumentException naming the first missing or malformed field */
    static StoryAssignment from(Map<String, Object> payload) {
        Map<?, ?> story = object(payload.get("story"), "story");
        Map<?, ?> repo = object(payload.get("repository"), "repository");
        Object id = story.get("id");
        if (!(id instanceof Number number) || number.longValue() < 1) {
            throw new IllegalArgumentException("payload story.id must be a positive number, was " + id);
        }
        TargetRepository repository = new TargetRepository(repo.get("id") instanceof Number n ? n.longValue() : null,
                text(repo, "name", null), required(repo, "clone_url", "repository"),
                text(repo, "forge", "embedded"), text(repo, "full_name", null), text(repo, "default_branch", null),
                required(repo, "test_command", "repository"));
        return new StoryAssignment(number.longValue(), required(story, "title", "story"), text(story, "statement", ""),
                criteria(story.get("acceptance_criteria")), repository, clarifications(payload.get("clarifications")));
    }

    private static List<String> criteria(Object value) {
        List<String> criteria = new ArrayList<>();
        if (value instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> gwt) {
                    criteria.add(("Given " + gwt.get("given") + ", when " + gwt.get("when") + ", then " + gwt.get("then"))
                            .replaceAll("\\s+", " ").strip());
                } else if (item != null && !item.toString().isBlank()) {
                    criteria.add(item.toString().strip());
                }
            }
        }
        return List.copyOf(criteria);
    }

    private static List<Clarification> clarifications(Object value) {
        List<Clarification> answers = new ArrayList<>();
        if (value instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> qa && qa.get("answer") != null) {
                    answers.add(new Clarification(String.valueOf(qa.get("question")), String.valueOf(qa.get("answer"))));
                }
            }
        }
        return List.copyOf(answers);
    }

    private static Map<?, ?> object(Object value, String name) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new IllegalArgumentException("payload needs a '" + name + "' object");
    }

    private static String required(Map<?, ?> map, String key, String parent) {
        String value = text(map, key, null);
        if (value == null) {
            throw new IllegalArgumentException("payload " + parent + "." + key + " is missing or blank");
        }
        return value;
    }

    private static String text(Map<?, ?> map, String key, String fallback) {
        Object value = map.get(key);
        return value == null || value.toString().isBlank() ? fallback : value.toString().strip();
    }
}
