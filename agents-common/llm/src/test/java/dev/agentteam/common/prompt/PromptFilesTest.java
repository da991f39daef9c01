package dev.agentteam.common.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentteam.common.task.AgentRole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in the top-level {@code prompts/} folder is a prompt that parses and renders with exactly the inputs its
 * agent passes, so no version can be selected that would fail at the first task.
 */
class PromptFilesTest {

    private static final Path FOLDER = Path.of("..", "..", "prompts");

    /** What each agent's handler always passes when it renders its prompt. */
    private static final Map<AgentRole, Map<String, Object>> ALWAYS = Map.of(
            AgentRole.DEV, Map.of("repo_url", "http://forge/git/demo.git", "issue_id", "ISSUE-7", "branch", "feature/ISSUE-7",
                    "test_command", "python3 -m unittest discover -s tests", "repository_files", "README.md\ntextstats/core.py"),
            AgentRole.SCRUM, Map.of("project_name", "Shop", "sprint_name", "Sprint 3"),
            AgentRole.QA, Map.of("repository", "acme/shop"),
            AgentRole.REVIEW, Map.of("repository", "acme/shop", "conventions", "Use 4 spaces.", "max_comments", 20));

    /** What a handler passes only when the prompt version has a placeholder for it. */
    private static final Map<AgentRole, Map<String, Object>> WHEN_USED = Map.of(
            AgentRole.DEV, Map.of("rag_context", "--- textstats/core.py:1-9 (words) ---\ndef words(text):"),
            AgentRole.PO, Map.of("project_name", "Shop", "existing_stories", List.of("S1 Login"), "split_threshold", 8,
                    "max_stories", 12));

    static Stream<String> promptFiles() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md") && !n.equals("README.md"))
                    .sorted().toList().stream();
        }
    }

    @Test
    void theFolderHoldsOnlyPromptsTheirReadmeAndScenarios() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .allMatch(n -> n.equals("README.md") || n.equals("scenarios") || n.matches("[a-z]+_agent_v\\d+\\.md"));
        }
        assertThat(PromptRegistry.loadClasspath().stream().map(p -> p.id() + ".md"))
                .containsExactlyInAnyOrderElementsOf(promptFiles().toList());
    }

    @ParameterizedTest
    @MethodSource("promptFiles")
    void rendersWithTheInputsItsAgentPasses(String file) throws IOException {
        Prompt prompt = PromptFile.parse(file, Files.readString(FOLDER.resolve(file), StandardCharsets.UTF_8));
        Map<String, Object> inputs = new LinkedHashMap<>(ALWAYS.getOrDefault(prompt.role(), Map.of()));
        WHEN_USED.getOrDefault(prompt.role(), Map.of()).forEach((name, value) -> {
            if (prompt.placeholders().contains(name)) {
                inputs.put(name, value);
            }
        });

        String text = prompt.render(inputs);

        assertThat(text).as(file).doesNotContain("{{").doesNotContain("}}").isNotBlank();
        assertThat(prompt.toolLoop() || !prompt.outputSchema().isEmpty()).as(file + " has an output schema").isTrue();
    }

    @Test
    void aPromptAskingForAnInputItsAgentDoesNotPassFailsToRender() {
        Prompt stale = PromptFile.parse("dev_agent_v9.md", """
                ---
                role: dev
                version: 9
                description: asks for something the Dev agent never passes
                output: tools
                ---
                Story {{issue_id}} in {{language}}.""");
        assertThatThrownBy(() -> stale.render(ALWAYS.get(AgentRole.DEV)))
                .hasMessageContaining("{{language}}");
    }
}
