package dev.agentteam.common.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentteam.common.llm.JsonSchemaCheck;
import dev.agentteam.common.llm.ScenarioLibraryAccess;
import dev.agentteam.common.task.AgentRole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PromptRegistryTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final PromptRegistry registry = new PromptRegistry(PromptRegistry.loadClasspath(), Map.of());

    @Test
    void activeVersionIsTheHighestUnlessConfigured() {
        assertThat(registry.active(AgentRole.PO).id()).isEqualTo("po_agent_v1");
        assertThat(registry.active(AgentRole.SCRUM).id()).isEqualTo("scrum_agent_v1");
        assertThat(registry.active(AgentRole.DEV).id()).isEqualTo("dev_agent_v3");
        assertThat(new PromptRegistry(PromptRegistry.loadClasspath(), Map.of("dev", 2)).active(AgentRole.DEV).id())
                .isEqualTo("dev_agent_v2");
        assertThatThrownBy(() -> new PromptRegistry(PromptRegistry.loadClasspath(), Map.of("dev", 1)))
                .hasMessageContaining("dev_agent_v1.md does not exist");
        assertThatThrownBy(() -> new PromptRegistry(PromptRegistry.loadClasspath(), Map.of("po", 7)))
                .hasMessageContaining("po_agent_v7.md does not exist");
    }

    @Test
    void poPromptRendersWithItsInputs() {
        String text = registry.byId("po_agent_v1").render(Map.of("project_name", "Shop", "existing_stories", List.of("S1 Login")));

        assertThat(text).contains("project \"Shop\"").contains("- S1 Login").doesNotContain("{{");
    }

    @Test
    void scrumPromptRendersWithItsInputs() {
        String text = registry.byId("scrum_agent_v1").render(Map.of("project_name", "Shop", "sprint_name", "Sprint 3"));

        assertThat(text).contains("sprint \"Sprint 3\"").doesNotContain("{{");
    }

    @Test
    void devPromptV2RendersWithItsInputsAndEndsWithTools() {
        Prompt dev = registry.byId("dev_agent_v2");

        String text = dev.render(Map.of("repo_url", "http://forge/git/demo.git", "issue_id", "ISSUE-7",
                "branch", "feature/ISSUE-7", "test_command", "python3 -m unittest discover -s tests",
                "repository_files", "README.md\ntextstats/core.py"));

        assertThat(dev.toolLoop()).isTrue();
        assertThat(dev.finalSchema()).isNull();
        assertThat(text).contains("story ISSUE-7").contains("branch feature/ISSUE-7")
                .contains("python3 -m unittest discover -s tests").contains("textstats/core.py")
                .contains("call finish").contains("call clarify").doesNotContain("{{");
    }

    @Test
    void devPromptV3CarriesTheRetrievedCodeAsDelimitedData() {
        Prompt dev = registry.byId("dev_agent_v3");

        String text = dev.render(Map.of("repo_url", "http://forge/git/demo.git", "issue_id", "ISSUE-7",
                "branch", "feature/ISSUE-7", "test_command", "python3 -m unittest discover -s tests",
                "repository_files", "README.md\ntextstats/core.py",
                "rag_context", "--- textstats/core.py:1-9 (words) ---\ndef words(text):"));

        assertThat(dev.toolLoop()).isTrue();
        assertThat(dev.placeholders()).contains("rag_context");
        assertThat(text).contains("<retrieved_code>\n--- textstats/core.py:1-9 (words) ---\ndef words(text):\n</retrieved_code>")
                .contains("search_code finds more").contains("grep_code finds exact text").contains("call finish")
                .doesNotContain("{{");
    }

    @Test
    void missingOrUnknownVariablesAreErrors() {
        Prompt po = registry.byId("po_agent_v1");

        assertThatThrownBy(() -> po.render(Map.of("project_name", "Shop")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{{existing_stories}}");
        assertThatThrownBy(() -> po.render(Map.of("project_name", "Shop", "existing_stories", "", "typo", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("typo");
    }

    @Test
    void scriptedPoOutputsMatchThePoSchema() {
        JsonNode schema = registry.byId("po_agent_v1").outputSchema();
        for (String scenario : List.of("po-epic-to-stories", "po-vague-epic", "po-after-answers", "po-demo-epic")) {
            JsonNode answer = JSON.readTree(ScenarioLibraryAccess.firstText(scenario));
            assertThat(JsonSchemaCheck.validate(answer, schema)).as(scenario).isEmpty();
        }
    }

    @Test
    void scriptedScrumOutputsMatchTheScrumSchema() {
        JsonNode schema = registry.byId("scrum_agent_v1").outputSchema();
        for (String scenario : List.of("scrum-planning", "scrum-retro")) {
            JsonNode answer = JSON.readTree(ScenarioLibraryAccess.firstText(scenario));
            assertThat(JsonSchemaCheck.validate(answer, schema)).as(scenario).isEmpty();
        }
    }

    @Test
    void poSchemaRejectsBadStories() {
        JsonNode schema = registry.byId("po_agent_v1").outputSchema();
        JsonNode badEstimate = JSON.readTree("""
                {"stories": [{"key": "S1", "title": "Login", "statement": "As a user I want to log in",
                  "acceptanceCriteria": [{"given": "a", "when": "b", "then": "c"}],
                  "estimate": 4, "priority": 1, "dependsOn": []}]}""");
        JsonNode tooManyQuestions = JSON.readTree("{\"clarify\": [\"q one?\", \"q two?\", \"q three?\", \"q four?\", \"q five?\", \"q six?\"]}");
        JsonNode missingCriteria = JSON.readTree("""
                {"stories": [{"key": "S1", "title": "Login", "statement": "As a user I want to log in",
                  "estimate": 3, "priority": 1, "dependsOn": []}]}""");

        assertThat(String.join(";", JsonSchemaCheck.validate(badEstimate, schema))).contains("$.stories[0].estimate");
        assertThat(String.join(";", JsonSchemaCheck.validate(tooManyQuestions, schema))).contains("at most 5");
        assertThat(String.join(";", JsonSchemaCheck.validate(missingCriteria, schema))).contains("acceptanceCriteria");
    }

    @Test
    void malformedFrontMatterFailsClearly() {
        assertThatThrownBy(() -> PromptFile.parse("po_agent_v2.md", "no front matter"))
                .isInstanceOf(PromptFormatException.class).hasMessageContaining("po_agent_v2.md")
                .hasMessageContaining("must start with a '---' line");
        assertThatThrownBy(() -> PromptFile.parse("po_agent_v2.md", "---\nrole: po\nversion: 2\n"))
                .hasMessageContaining("not closed");
        assertThatThrownBy(() -> PromptFile.parse("po_agent_v2.md", "---\nrole: po\nversion: [2\n---\nbody"))
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> PromptFile.parse("po_agent_v2.md", "---\nrole: po\nversion: 2\ndescription: d\n---\nbody"))
                .hasMessageContaining("missing 'output'");
        assertThatThrownBy(() -> PromptFile.parse("po_agent_v2.md", "---\nrole: dev\nversion: 2\ndescription: d\noutput: tools\n---\nbody"))
                .hasMessageContaining("does not match the file name");
        assertThatThrownBy(() -> PromptFile.parse("po_agent_v2.md", "---\nrole: po\nversion: 3\ndescription: d\noutput: tools\n---\nbody"))
                .hasMessageContaining("version must be the integer 2");
    }
}
