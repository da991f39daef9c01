package dev.agentteam.scrum;

import dev.agentteam.common.task.TaskPayloads;
import dev.agentteam.common.llm.ChatModelFactory;
import dev.agentteam.common.llm.InvalidModelOutputException;
import dev.agentteam.common.llm.LlmGateway;
import dev.agentteam.common.llm.LlmProperties;
import dev.agentteam.common.llm.ScenarioLibrary;
import dev.agentteam.common.llm.StructuredOutput;
import dev.agentteam.common.prompt.PromptRegistry;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.TaskEnvelope;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The writer against the scripted model with scenarios of its own (no database: the calls are not audited). */
class ScrumWriterTest {

    private final PromptRegistry prompts = new PromptRegistry(PromptRegistry.loadClasspath(), Map.of());

    @Test
    void theSchemaIsNarrowedToTheKindOfAnswerTheTaskWants() {
        var schema = prompts.active(AgentRole.SCRUM).outputSchema();

        assertThat(ScrumWriter.schemaFor(schema, "planning").path("required").toString()).contains("narrative");
        assertThat(ScrumWriter.schemaFor(schema, "retro").path("required").toString()).contains("wentWell");
    }

    @Test
    void aModelThatKeepsAnsweringTheWrongKindFailsAfterOneRepairCall() {
        var gateway = gateway("classpath:wrong-kind-scenarios");
        ScrumWriter writer = new ScrumWriter(gateway, prompts, new StructuredOutput(),
                new ScrumAgentProperties("Shop", 40, 160));

        assertThatThrownBy(() -> writer.write(ScrumTask.PLAN_SPRINT, task("scrum.plan_sprint")))
                .isInstanceOf(InvalidModelOutputException.class)
                .hasMessageContaining("even after one repair call");
    }

    @Test
    void theShippedScenariosAnswerEachTaskWithItsKind() {
        ScrumWriter writer = new ScrumWriter(gateway("classpath:prompts/scenarios"), prompts, new StructuredOutput(),
                new ScrumAgentProperties("Shop", 40, 160));
        Map<String, Object> retroTitle = Map.of("story_id", 1, "title", "Retro-styled theme", "priority", 1,
                "estimate", 3, "reason", "fits");

        var planning = writer.write(ScrumTask.PLAN_SPRINT, task("scrum.plan_sprint", Map.of("sprint_id", 1,
                "capacity_points", 5, "selected_points", 3, "selected", java.util.List.of(retroTitle))));
        var retro = writer.write(ScrumTask.WRITE_RETRO, task("scrum.write_retro", Map.of("sprint_id", 1)));

        assertThat(TaskPayloads.toMap(planning.output())).containsEntry("kind", "planning").containsKey("narrative");
        assertThat(planning.usage().inputTokens()).isEqualTo(820);
        assertThat(TaskPayloads.toMap(retro.output())).containsEntry("kind", "retro").containsKeys("summary", "went_well", "to_improve", "actions");
        assertThat(retro.usage().outputTokens()).isEqualTo(260);
    }

    private static LlmGateway gateway(String scenarios) {
        LlmProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "agentteam.llm.scripted.scenarios", scenarios))).bindOrCreate("agentteam.llm", LlmProperties.class);
        return new LlmGateway(new ChatModelFactory(properties, () -> ScenarioLibrary.load(scenarios)), properties, null);
    }

    private static TaskEnvelope task(String type) {
        return task(type, Map.of("sprint_id", 3, "capacity_points", 10, "selected_points", 8));
    }

    private static TaskEnvelope task(String type, Map<String, Object> payload) {
        return new TaskEnvelope(1, type, AgentRole.SCRUM, 1, Duration.ofMinutes(2), "trace", Instant.now(), payload);
    }
}
