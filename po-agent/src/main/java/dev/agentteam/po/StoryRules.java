package dev.agentteam.po;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules a refinement must meet beyond the prompt's schema (which a model may only half follow, and which a
 * newer prompt version may loosen): estimates on the team's scale and at most the split threshold, at most
 * {@code max-stories} stories, unique keys, every story with a complete Given/When/Then, dependencies only on
 * sibling stories and without cycles.
 */
final class StoryRules {

    private final PoAgentProperties settings;

    StoryRules(PoAgentProperties settings) {
        this.settings = settings;
    }

    /** Reads the {@code stories} array of a schema-valid answer; blank texts and half criteria are dropped. */
    List<StoryDraft> read(JsonNode stories) {
        List<StoryDraft> drafts = new ArrayList<>();
        for (int i = 0; i < stories.size(); i++) {
            JsonNode s = stories.get(i);
            String key = text(s.get("key"));
            List<StoryDraft.Criterion> criteria = new ArrayList<>();
            for (JsonNode c : iterable(s.get("acceptanceCriteria"))) {
                String given = text(c.get("given"));
                String when = text(c.get("when"));
                String then = text(c.get("then"));
                if (!given.isEmpty() && !when.isEmpty() && !then.isEmpty()) {
                    criteria.add(new StoryDraft.Criterion(given, when, then));
                }
            }
            JsonNode estimate = s.get("estimate");
            JsonNode priority = s.get("priority");
            drafts.add(new StoryDraft(key.isEmpty() ? "S" + (i + 1) : key, text(s.get("title")), text(s.get("statement")),
                    List.copyOf(criteria), estimate != null && estimate.isNumber() ? estimate.asInt() : null,
                    priority != null && priority.isNumber() && priority.asInt() >= 1 && priority.asInt() <= 5
                            ? priority.asInt() : 3,
                    dependencyKeys(s.get("dependsOn")), false));
        }
        return resolvePositions(drafts);
    }

    /** What the model should fix, one line each; empty when the stories can be used as they are. */
    List<String> problems(List<StoryDraft> stories) {
        List<String> problems = new ArrayList<>(structuralProblems(stories));
        Set<String> keys = keys(stories);
        for (StoryDraft s : stories) {
            if (s.estimate() != null && s.estimate() > settings.splitThreshold()) {
                problems.add(s.key() + " (\"" + s.title() + "\") is estimated at " + s.estimate()
                        + " points, above the split threshold of " + settings.splitThreshold() + ": split it");
            }
            for (String dependency : s.dependsOn()) {
                if (dependency.equals(s.key())) {
                    problems.add(s.key() + " depends on itself");
                } else if (!keys.contains(dependency)) {
                    problems.add(s.key() + " depends on '" + dependency + "', which is not a story in this answer");
                }
            }
        }
        return problems;
    }

    /**
     * The final word after at most one revision: what the team cannot use fails the refinement, what it can live
     * with is repaired — dependencies on unknown or same stories are dropped, stories still above the split
     * threshold are kept and flagged {@code needs_split}.
     */
    List<StoryDraft> settle(List<StoryDraft> stories) {
        List<String> fatal = structuralProblems(stories);
        if (!fatal.isEmpty()) {
            throw new UnusableStoriesException(String.join("; ", fatal));
        }
        Set<String> keys = keys(stories);
        List<StoryDraft> settled = new ArrayList<>();
        for (StoryDraft s : stories) {
            StoryDraft kept = s.withDependsOn(s.dependsOn().stream()
                    .filter(d -> keys.contains(d) && !d.equals(s.key())).distinct().toList());
            settled.add(kept.estimate() > settings.splitThreshold() ? kept.flaggedForSplit() : kept);
        }
        String cycle = cycle(settled);
        if (cycle != null) {
            throw new UnusableStoriesException("the dependencies " + cycle + " form a cycle");
        }
        return settled;
    }

    /** Problems no repair in code can fix. */
    private List<String> structuralProblems(List<StoryDraft> stories) {
        List<String> problems = new ArrayList<>();
        if (stories.isEmpty()) {
            problems.add("there are no stories");
        }
        if (stories.size() > settings.maxStories()) {
            problems.add("there are " + stories.size() + " stories, at most " + settings.maxStories() + " are allowed");
        }
        Set<String> seen = new HashSet<>();
        for (StoryDraft s : stories) {
            if (!seen.add(s.key())) {
                problems.add("the key " + s.key() + " is used by more than one story");
            }
            if (s.title().isEmpty()) {
                problems.add(s.key() + " has no title");
            }
            if (s.estimate() == null || !PoAgentProperties.ESTIMATES.contains(s.estimate())) {
                problems.add(s.key() + " has estimate " + s.estimate() + ", which is not one of 1, 2, 3, 5, 8, 13");
            }
            if (s.criteria().isEmpty()) {
                problems.add(s.key() + " has no complete Given/When/Then acceptance criterion");
            }
        }
        return problems;
    }

    /** A dependency cycle as {@code S1 → S2 → S1}, or null. Dependencies must already be sibling keys. */
    static String cycle(List<StoryDraft> stories) {
        Map<String, List<String>> edges = new HashMap<>();
        stories.forEach(s -> edges.put(s.key(), s.dependsOn()));
        Set<String> done = new HashSet<>();
        for (StoryDraft s : stories) {
            List<String> path = new ArrayList<>();
            String found = visit(s.key(), edges, new LinkedHashSet<>(), done, path);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String visit(String key, Map<String, List<String>> edges, LinkedHashSet<String> onPath,
                                Set<String> done, List<String> path) {
        if (onPath.contains(key)) {
            List<String> loop = new ArrayList<>(path.subList(path.indexOf(key), path.size()));
            loop.add(key);
            return String.join(" → ", loop);
        }
        if (!done.add(key)) {
            return null;
        }
        onPath.add(key);
        path.add(key);
        for (String next : edges.getOrDefault(key, List.of())) {
            String found = visit(next, edges, onPath, done, path);
            if (found != null) {
                return found;
            }
        }
        onPath.remove(key);
        path.remove(path.size() - 1);
        return null;
    }

    /** A model that numbers its dependencies (1, 2) instead of naming keys means the n-th story, when no key is "n". */
    private static List<StoryDraft> resolvePositions(List<StoryDraft> drafts) {
        Set<String> keys = keys(drafts);
        List<StoryDraft> resolved = new ArrayList<>();
        for (StoryDraft d : drafts) {
            resolved.add(d.withDependsOn(d.dependsOn().stream().map(dep -> {
                if (keys.contains(dep) || !dep.matches("\\d{1,3}")) {
                    return dep;
                }
                int position = Integer.parseInt(dep);
                return position >= 1 && position <= drafts.size() ? drafts.get(position - 1).key() : dep;
            }).toList()));
        }
        return resolved;
    }

    private static Set<String> keys(List<StoryDraft> stories) {
        Set<String> keys = new HashSet<>();
        stories.forEach(s -> keys.add(s.key()));
        return keys;
    }

    private static List<String> dependencyKeys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        for (JsonNode d : iterable(node)) {
            String key = d.isNumber() ? String.valueOf(d.asInt()) : text(d);
            if (!key.isEmpty()) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return node != null && node.isArray() ? node : List.of();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "" : node.asString().replace("\u0000", "").strip();
    }
}
