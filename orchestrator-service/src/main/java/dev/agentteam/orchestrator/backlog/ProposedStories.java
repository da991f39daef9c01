package dev.agentteam.orchestrator.backlog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the stories out of a {@code po.refine_epic} result. The contract with the PO agent: {@code output.stories}
 * is a list of objects with {@code title} (required), {@code statement}, {@code acceptance_criteria} (list of
 * strings), {@code estimate} (1, 2, 3, 5, 8 or 13), {@code priority} (1..5, 1 most urgent) and {@code depends_on}
 * (zero-based positions of other stories in the same list). Model output is not trusted: items without a title
 * are dropped, out-of-range numbers become null (estimate) or 3 (priority).
 */
record ProposedStories(List<NewStory> stories, List<Set<Integer>> dependsOnPositions) {

    private static final Set<Integer> ESTIMATES = Set.of(1, 2, 3, 5, 8, 13);

    static ProposedStories from(Map<String, Object> output) {
        List<NewStory> stories = new ArrayList<>();
        List<Set<Integer>> dependencies = new ArrayList<>();
        Object raw = output == null ? null : output.get("stories");
        if (raw instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> story && text(story.get("title")) != null) {
                    stories.add(new NewStory(truncate(text(story.get("title")), 200), text(story.get("statement")),
                            texts(story.get("acceptance_criteria")), estimate(story.get("estimate")),
                            priority(story.get("priority")), StoryStatus.READY, List.of()));
                    dependencies.add(positions(story.get("depends_on")));
                } else {
                    // Keep positions aligned with the agent's list even when an item is dropped.
                    stories.add(null);
                    dependencies.add(Set.of());
                }
            }
        }
        return new ProposedStories(stories, dependencies);
    }

    private static String text(Object value) {
        // PostgreSQL text cannot hold U+0000, and model output may contain it.
        return value instanceof String s && !s.replace("\u0000", "").isBlank() ? s.replace("\u0000", "").strip() : null;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static List<String> texts(Object value) {
        return value instanceof List<?> list
                ? list.stream().map(ProposedStories::text).filter(t -> t != null).toList() : List.of();
    }

    private static Integer estimate(Object value) {
        return value instanceof Number n && ESTIMATES.contains(n.intValue()) ? n.intValue() : null;
    }

    private static Integer priority(Object value) {
        return value instanceof Number n && n.intValue() >= 1 && n.intValue() <= 5 ? n.intValue() : 3;
    }

    private static Set<Integer> positions(Object value) {
        Set<Integer> positions = new LinkedHashSet<>();
        if (value instanceof List<?> list) {
            list.stream().filter(Number.class::isInstance).map(n -> ((Number) n).intValue()).forEach(positions::add);
        }
        return positions;
    }
}
