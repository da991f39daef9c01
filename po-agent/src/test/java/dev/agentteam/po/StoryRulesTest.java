package dev.agentteam.po;

import dev.agentteam.common.task.TaskPayloads;

import dev.agentteam.common.audit.SecretRedactor;
import dev.agentteam.common.task.Clarification;
import dev.agentteam.common.task.RefineEpic;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoryRulesTest {

    final StoryRules rules = new StoryRules(new PoAgentProperties(3, 8, null, 20_000));

    static JsonNode stories(String json) {
        return JsonMapper.builder().build().readTree(json);
    }

    static String story(String key, int estimate, String dependsOn) {
        return """
                {"key": "%s", "title": "Story %s", "statement": "As a user, I want %s, so that it works.",
                 "acceptanceCriteria": [{"given": "g", "when": "w", "then": "t"}, {"given": " ", "when": "w", "then": "t"}],
                 "estimate": %d, "priority": 2, "dependsOn": %s}""".formatted(key, key, key, estimate, dependsOn);
    }

    @Test
    void numberedDependenciesMeanTheNthStoryAndHalfCriteriaAreDropped() {
        List<StoryDraft> drafts = rules.read(stories("[" + story("A", 3, "[]") + "," + story("B", 5, "[1]") + "]"));

        assertThat(drafts.get(1).dependsOn()).containsExactly("A");
        assertThat(drafts.get(0).criteria()).containsExactly(new StoryDraft.Criterion("g", "w", "t"));
        assertThat(rules.problems(drafts)).isEmpty();
    }

    @Test
    void problemsNameTheStoryAndWhatToFix() {
        List<StoryDraft> drafts = rules.read(stories("[" + story("A", 13, "[\"A\"]") + "," + story("B", 4, "[\"Z\"]") + ","
                + story("C", 1, "[]") + "," + story("D", 1, "[]") + "]"));

        assertThat(rules.problems(drafts)).containsExactlyInAnyOrder(
                "there are 4 stories, at most 3 are allowed",
                "B has estimate 4, which is not one of 1, 2, 3, 5, 8, 13",
                "A (\"Story A\") is estimated at 13 points, above the split threshold of 8: split it",
                "A depends on itself",
                "B depends on 'Z', which is not a story in this answer");
        assertThatThrownBy(() -> rules.settle(drafts)).isInstanceOf(UnusableStoriesException.class)
                .hasMessageContaining("at most 3").hasMessageContaining("estimate 4");
    }

    @Test
    void settlingFlagsWhatIsStillTooBigAndDropsDependenciesOutsideTheEpic() {
        List<StoryDraft> settled = rules.settle(rules.read(stories("[" + story("A", 13, "[\"A\", \"X\"]") + ","
                + story("B", 2, "[\"A\"]") + "]")));

        assertThat(settled.get(0).needsSplit()).isTrue();
        assertThat(settled.get(0).dependsOn()).isEmpty();
        assertThat(settled.get(1).needsSplit()).isFalse();
        assertThat(TaskPayloads.toMap(settled.get(1).toResult())).containsEntry("depends_on", List.of("A"))
                .containsEntry("acceptance_criteria", List.of(Map.of("given", "g", "when", "w", "then", "t")));
    }

    @Test
    void cyclesAreNamed() {
        List<StoryDraft> drafts = rules.read(stories("[" + story("A", 1, "[\"C\"]") + "," + story("B", 1, "[\"A\"]") + ","
                + story("C", 1, "[\"B\"]") + "]"));

        assertThat(StoryRules.cycle(drafts)).isEqualTo("A → C → B → A");
    }

    @Test
    void epicTextIsCutAtTheLimitAndAnswersAreLabelled() {
        EpicMessage message = new EpicMessage(SecretRedactor.patternsOnly(), 100);

        String rendered = message.render(new RefineEpic(1L, "T", "x".repeat(150), null, null, List.of(),
                List.of(new Clarification("Who?", "Leads"), new Clarification("Skipped?", " "))));

        assertThat(rendered).contains("x".repeat(100) + "\n[… cut", "Q: Who?\nA: Leads").doesNotContain("x".repeat(101), "Skipped?");
    }
}
