package dev.agentteam.orchestrator.backlog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the stories out of a {@code po.refine_epic} result (the contract in docs/adr/po-refinement.md):
 * {@code output.stories} is a list of {@code {key, title, statement, acceptance_criteria: [{given, when, then}],
 * estimate, priority, depends_on: [sibling keys], needs_split}}. The PO agent already enforces the rules; this
 * side still does not trust the data: items without a title are dropped, criteria missing a part are dropped,
 * out-of-range numbers become null (estimate) or 3 (priority), and dependencies on unknown keys are ignored later.
 */
record ProposedStories(List<Proposed> stories) {

    private static final Set<Integer> ESTIMATES = Set.of(1, 2, 3, 5, 8, 13);
    private static final int MAX_TEXT = 5_000;

    /** One usable story with the keys of the sibling stories it depends on. */
    record Proposed(String key, NewStory story, Set<String> dependsOnKeys) {
    }

    static ProposedStories from(Map<String, Object> output, StoryStatus status, long taskId) {
        List<Proposed> stories = new ArrayList<>();
        Object raw = output == null ? null : output.get("stories");
        if (raw instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof Map<?, ?> story && text(story.get("title")) != null) {
                    String key = text(story.get("key"));
                    stories.add(new Proposed(key == null ? "#" + (i + 1) : key,
                            new NewStory(truncate(text(story.get("title")), 200), truncate(text(story.get("statement")), MAX_TEXT),
                                    criteria(story.get("acceptance_criteria")), estimate(story.get("estimate")),
                                    priority(story.get("priority")), status, List.of(),
                                    Boolean.TRUE.equals(story.get("needs_split")), taskId),
                            keys(story.get("depends_on"))));
                }
            }
        }
        return new ProposedStories(stories);
    }

    private static List<AcceptanceCriterion> criteria(Object value) {
        List<AcceptanceCriterion> criteria = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> c) {
                    String given = truncate(text(c.get("given")), MAX_TEXT);
                    String when = truncate(text(c.get("when")), MAX_TEXT);
                    String then = truncate(text(c.get("then")), MAX_TEXT);
                    if (given != null && when != null && then != null) {
                        criteria.add(new AcceptanceCriterion(given, when, then));
                    }
                }
            }
        }
        return criteria;
    }

    private static String text(Object value) {
        // PostgreSQL text cannot hold U+0000, and model output may contain it.
        return value instanceof String s && !s.replace("\u0000", "").isBlank() ? s.replace("\u0000", "").strip() : null;
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static Integer estimate(Object value) {
        return value instanceof Number n && ESTIMATES.contains(n.intValue()) ? n.intValue() : null;
    }

    private static Integer priority(Object value) {
        return value instanceof Number n && n.intValue() >= 1 && n.intValue() <= 5 ? n.intValue() : 3;
    }

    private static Set<String> keys(Object value) {
        Set<String> keys = new LinkedHashSet<>();
        if (value instanceof List<?> list) {
            list.stream().filter(k -> k instanceof String || k instanceof Number).map(k -> k.toString().strip())
                    .filter(k -> !k.isEmpty()).forEach(keys::add);
        }
        return keys;
    }
}
