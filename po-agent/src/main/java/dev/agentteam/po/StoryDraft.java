package dev.agentteam.po;

import dev.agentteam.common.task.ImplementStory;
import dev.agentteam.common.task.RefinedStories;

import java.util.List;

/**
 * One story as the model proposed it, read leniently; {@link StoryRules} decides whether it is usable.
 *
 * @param dependsOn keys of sibling stories
 */
record StoryDraft(String key, String title, String statement, List<Criterion> criteria, Integer estimate,
                  int priority, List<String> dependsOn, boolean needsSplit) {

    /** One acceptance criterion, Given / When / Then. */
    record Criterion(String given, String when, String then) {

        ImplementStory.Criterion toResult() {
            return new ImplementStory.Criterion(given, when, then, null);
        }
    }

    StoryDraft withDependsOn(List<String> keys) {
        return new StoryDraft(key, title, statement, criteria, estimate, priority, List.copyOf(keys), needsSplit);
    }

    StoryDraft flaggedForSplit() {
        return new StoryDraft(key, title, statement, criteria, estimate, priority, dependsOn, true);
    }

    /** The story as the task result the backlog reads (docs/adr/po-refinement.md). */
    RefinedStories.Story toResult() {
        return new RefinedStories.Story(key, title, statement, criteria.stream().map(Criterion::toResult).toList(), estimate,
                priority, dependsOn, needsSplit);
    }
}
