package dev.agentteam.common.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.agentteam.common.llm.JsonSchemaCheck;
import dev.agentteam.common.llm.ScenarioLibraryAccess;
import dev.agentteam.common.task.AgentRole;

/** The Review and QA prompts render with their inputs, and their scripted answers fit their schemas. */
class QualityPromptsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final PromptRegistry registry = new PromptRegistry(PromptRegistry.loadClasspath(), Map.of());

    @Test
    void reviewPromptRendersAndAsksForStructuredFindings() {
        Prompt prompt = registry.active(AgentRole.REVIEW);
        String text = prompt.render(Map.of("repository", "acme/shop", "conventions", "Use 4 spaces.", "max_comments", 20));

        assertThat(prompt.id()).isEqualTo("review_agent_v2");
        assertThat(prompt.toolLoop()).isFalse();
        assertThat(text).contains("\"acme/shop\"", "Use 4 spaces.", "At most 20 comments", "<related_code>",
                "never on the related code itself").doesNotContain("{{");
    }

    @Test
    void scriptedReviewsMatchTheReviewSchemaAndBadOnesDoNot() {
        JsonNode schema = registry.byId("review_agent_v2").outputSchema();
        assertThat(schema).isEqualTo(registry.byId("review_agent_v1").outputSchema());
        for (String scenario : new String[] {"review-approve", "review-changes-requested"}) {
            assertThat(JsonSchemaCheck.validate(JSON.readTree(ScenarioLibraryAccess.firstText(scenario)), schema))
                    .as(scenario).isEmpty();
        }
        assertThat(JsonSchemaCheck.validate(JSON.readTree("""
                {"summary": "Looks fine to me.", "verdict": "maybe", "comments": [{"path": "a.py", "line": 0,
                 "severity": "major", "comment": "x"}]}
                """), schema)).isNotEmpty();
    }

    @Test
    void qaPromptRendersAndItsScriptedAnswerFits() {
        Prompt prompt = registry.active(AgentRole.QA);

        assertThat(prompt.render(Map.of("repository", "acme/shop"))).contains("\"acme/shop\"", "regression", "flaky",
                "infrastructure").doesNotContain("{{");
        assertThat(JsonSchemaCheck.validate(JSON.readTree(ScenarioLibraryAccess.firstText("qa-triage")),
                prompt.outputSchema())).isEmpty();
        assertThat(JsonSchemaCheck.validate(JSON.readTree("{\"comment\": \"short\"}"), prompt.outputSchema())).isNotEmpty();
    }
}
