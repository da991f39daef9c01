package dev.agentteam.common.task;

import java.util.List;

/**
 * The result of {@code po.refine_epic}: the stories the PO agent proposes (docs/adr/po-refinement.md) and the prompt
 * version that wrote them. The backlog still does not trust the content (it drops stories without a title and
 * criteria missing a part), so nothing here is required.
 */
public record RefinedStories(List<Story> stories, String promptVersion) implements TaskOutput {

    public RefinedStories {
        stories = stories == null ? List.of() : List.copyOf(stories);
    }

    /**
     * One proposed story; {@code key} identifies it among its siblings for {@code dependsOn}. A criterion is
     * given/when/then, or one sentence from an older agent.
     */
    public record Story(String key, String title, String statement, List<ImplementStory.Criterion> acceptanceCriteria,
                        Integer estimate, Integer priority, List<String> dependsOn, Boolean needsSplit) {

        public Story {
            acceptanceCriteria = acceptanceCriteria == null ? List.of() : List.copyOf(acceptanceCriteria);
            dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
            needsSplit = Boolean.TRUE.equals(needsSplit);
        }
    }
}
