package dev.agentteam.orchestrator.backlog;

import dev.agentteam.common.task.ImplementStory;
import dev.agentteam.common.task.RefinedStories;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the stories out of a {@code po.refine_epic} result ({@link RefinedStories}, the contract in
 * docs/adr/po-refinement.md). The PO agent already enforces the rules; this
 * side still does not trust the data: items without a title are dropped, criteria missing a part are dropped,
 * out-of-range numbers become null (estimate) or 3 (priority), and dependencies on unknown keys are ignored later.
 */
record ProposedStories(List<Proposed> stories) {

    private static final Set<Integer> ESTIMATES = Set.of(1, 2, 3, 5, 8, 13);
    private static final int MAX_TEXT = 5_000;

    /** One usable story with the keys of the sibling stories it depends on. */
    record Proposed(String key, NewStory story, Set<String> dependsOnKeys) {
    }

    static ProposedStories from(RefinedStories output, StoryStatus status, long taskId) {
        List<Proposed> stories = new ArrayList<>();
        List<RefinedStories.Story> items = output == null ? List.of() : output.stories();
        for (int i = 0; i < items.size(); i++) {
            RefinedStories.Story story = items.get(i);
            if (story != null && text(story.title()) != null) {
                String key = text(story.key());
                stories.add(new Proposed(key == null ? "#" + (i + 1) : key,
                        new NewStory(truncate(text(story.title()), 200), truncate(text(story.statement()), MAX_TEXT),
                                criteria(story.acceptanceCriteria()), estimate(story.estimate()),
                                priority(story.priority()), status, List.of(), story.needsSplit(), taskId),
                        keys(story.dependsOn())));
            }
        }
        return new ProposedStories(stories);
    }

    private static List<AcceptanceCriterion> criteria(List<ImplementStory.Criterion> items) {
        List<AcceptanceCriterion> criteria = new ArrayList<>();
        for (ImplementStory.Criterion c : items) {
            String given = c == null ? null : truncate(text(c.given()), MAX_TEXT);
            String when = c == null ? null : truncate(text(c.when()), MAX_TEXT);
            String then = c == null ? null : truncate(text(c.then()), MAX_TEXT);
            if (given != null && when != null && then != null) {
                criteria.add(new AcceptanceCriterion(given, when, then));
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

    private static Integer estimate(Integer value) {
        return value != null && ESTIMATES.contains(value) ? value : null;
    }

    private static Integer priority(Integer value) {
        return value != null && value >= 1 && value <= 5 ? value : 3;
    }

    private static Set<String> keys(List<String> value) {
        Set<String> keys = new LinkedHashSet<>();
        value.stream().filter(k -> k != null).map(String::strip).filter(k -> !k.isEmpty()).forEach(keys::add);
        return keys;
    }
}
