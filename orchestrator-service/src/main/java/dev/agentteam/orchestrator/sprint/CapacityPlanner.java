package dev.agentteam.orchestrator.sprint;

import dev.agentteam.orchestrator.backlog.StoryStatus;
import dev.agentteam.orchestrator.backlog.StoryView;
import dev.agentteam.orchestrator.sprint.SprintPlan.PlannedStory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Picks stories for a sprint: most urgent first (priority 1 before 5, then the oldest), each only when its points
 * fit what capacity is left. A story comes with the candidate stories it depends on (they are selected first and
 * count against capacity); a dependency that is neither DONE nor plannable keeps the story out. Pure code, no I/O.
 */
final class CapacityPlanner {

    private static final Comparator<StoryView> URGENCY = Comparator.comparingInt(StoryView::priority)
            .thenComparing(StoryView::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(StoryView::id);

    private final Map<Long, StoryView> candidates;
    private final Map<Long, StoryView> others;
    private final Map<Long, String> openSprintOf;
    private final Map<Long, PlannedStory> selected = new LinkedHashMap<>();
    private final Map<Long, PlannedStory> skipped = new LinkedHashMap<>();

    /**
     * @param candidates   READY stories in no open sprint
     * @param others       the stories candidates depend on that are not candidates themselves
     * @param openSprintOf for stories in an open sprint: a description of that sprint, for the reasons
     */
    private CapacityPlanner(List<StoryView> candidates, List<StoryView> others, Map<Long, String> openSprintOf) {
        this.candidates = candidates.stream().sorted(URGENCY)
                .collect(Collectors.toMap(StoryView::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        this.others = others.stream().collect(Collectors.toMap(StoryView::id, Function.identity(), (a, b) -> a));
        this.openSprintOf = openSprintOf;
    }

    static SprintPlan plan(int capacity, List<StoryView> candidates, List<StoryView> others, Map<Long, String> openSprintOf) {
        CapacityPlanner planner = new CapacityPlanner(candidates, others, openSprintOf);
        int left = capacity;
        for (StoryView story : planner.candidates.values()) {
            if (!planner.selected.containsKey(story.id())) {
                left = planner.consider(story, left, capacity);
            }
        }
        return new SprintPlan(capacity, List.copyOf(planner.selected.values()), List.copyOf(planner.skipped.values()));
    }

    private int consider(StoryView story, int left, int capacity) {
        if (story.estimate() == null) {
            skip(story, "not estimated: only stories with an estimate are planned");
            return left;
        }
        List<StoryView> bundle = new ArrayList<>();
        String blocker = collect(story, new LinkedHashSet<>(), bundle);
        if (blocker != null) {
            skip(story, blocker);
            return left;
        }
        int points = bundle.stream().mapToInt(StoryView::estimate).sum();
        if (points > left) {
            String needs = bundle.size() == 1 ? story.estimate() + " points"
                    : points + " points (" + story.estimate() + " plus " + (points - story.estimate())
                    + " for the stories it depends on, " + ids(bundle.subList(0, bundle.size() - 1)) + ")";
            skip(story, "does not fit: needs " + needs + ", only " + left + " of " + capacity + " points left");
            return left;
        }
        int remaining = left - points;
        for (StoryView member : bundle) {
            String reason = member == story
                    ? "priority " + story.priority() + ", " + story.estimate() + " points; " + remaining + " of " + capacity
                      + " points left after it"
                    : "pulled in first: story " + story.id() + " (priority " + story.priority() + ") depends on it";
            skipped.remove(member.id());
            selected.put(member.id(), planned(member, reason));
        }
        return remaining;
    }

    /** Adds the story's unplanned candidate dependencies (deepest first) and then the story; or says why it cannot. */
    private String collect(StoryView story, Set<Long> path, List<StoryView> bundle) {
        if (!path.add(story.id())) {
            return "its dependencies form a cycle (" + path.stream().map(String::valueOf).collect(Collectors.joining(" → "))
                    + " → " + story.id() + ")";
        }
        for (long dependency : story.dependsOn()) {
            if (selected.containsKey(dependency) || bundle.stream().anyMatch(s -> s.id() == dependency)) {
                continue;
            }
            StoryView candidate = candidates.get(dependency);
            if (candidate == null) {
                StoryView other = others.get(dependency);
                if (other == null || other.status() != StoryStatus.DONE) {
                    return "depends on story " + dependency + describe(other) + ", which is neither DONE nor selected";
                }
                continue;
            }
            if (candidate.estimate() == null) {
                return "depends on story " + dependency + describe(candidate) + ", which is not estimated";
            }
            String blocker = collect(candidate, path, bundle);
            if (blocker != null) {
                return blocker.startsWith("its dependencies form a cycle") ? blocker
                        : "depends on story " + dependency + ", which " + blocker;
            }
        }
        path.remove(story.id());
        bundle.add(story);
        return null;
    }

    private String describe(StoryView story) {
        if (story == null) {
            return " (unknown)";
        }
        String where = openSprintOf.containsKey(story.id()) ? ", in " + openSprintOf.get(story.id()) : "";
        return " (\"" + story.title() + "\", " + story.status() + where + ")";
    }

    private void skip(StoryView story, String reason) {
        skipped.put(story.id(), planned(story, reason));
    }

    private static PlannedStory planned(StoryView story, String reason) {
        return new PlannedStory(story.id(), story.title(), story.priority(), story.estimate(), story.dependsOn(), reason);
    }

    private static String ids(List<StoryView> stories) {
        return stories.stream().map(s -> String.valueOf(s.id())).collect(Collectors.joining(", "));
    }
}
