package dev.agentteam.po;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One story as the model proposed it, read leniently; {@link StoryRules} decides whether it is usable.
 *
 * @param dependsOn keys of sibling stories
 */
record StoryDraft(String key, String title, String statement, List<Criterion> criteria, Integer estimate,
                  int priority, List<String> dependsOn, boolean needsSplit) {

    /** One acceptance criterion, Given / When / Then. */
    record Criterion(String given, String when, String then) {

        Map<String, Object> toOutput() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("given", given);
            out.put("when", when);
            out.put("then", then);
            return out;
        }
    }

    StoryDraft withDependsOn(List<String> keys) {
        return new StoryDraft(key, title, statement, criteria, estimate, priority, List.copyOf(keys), needsSplit);
    }

    StoryDraft flaggedForSplit() {
        return new StoryDraft(key, title, statement, criteria, estimate, priority, dependsOn, true);
    }

    /** The task-result shape the backlog reads (snake_case; see docs/adr/po-refinement.md). */
    Map<String, Object> toOutput() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("key", key);
        out.put("title", title);
        out.put("statement", statement);
        out.put("acceptance_criteria", criteria.stream().map(Criterion::toOutput).toList());
        out.put("estimate", estimate);
        out.put("priority", priority);
        out.put("depends_on", dependsOn);
        out.put("needs_split", needsSplit);
        return out;
    }
}
