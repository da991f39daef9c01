package dev.agentteam.common.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentteam.common.prompt.Prompt;
import dev.agentteam.common.prompt.PromptRegistry;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.TaskEnvelope;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.service.AiServices;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import tools.jackson.databind.JsonNode;

/** The scripted model behind a real session: structured PO output and a LangChain4j tool loop for Dev. */
class ScriptedGatewayTest {

    private final LlmProperties properties = new Binder(new MapConfigurationPropertySource(Map.of("agentteam.llm.budget.max-steps", "10")))
            .bindOrCreate("agentteam.llm", LlmProperties.class);
    private final LlmGateway gateway = new LlmGateway(new ChatModelFactory(properties,
            () -> ScenarioLibrary.load(properties.scripted().scenarios())), properties, null);
    private final PromptRegistry prompts = new PromptRegistry(PromptRegistry.loadClasspath(), Map.of());

    private static TaskEnvelope task(AgentRole role, String type) {
        return new TaskEnvelope(7, type, role, 1, Duration.ofMinutes(2), "trace-1", Instant.now(), Map.of());
    }

    @Test
    void poEpicBecomesStoriesThatPassThePromptSchema() {
        Prompt po = prompts.active(AgentRole.PO);
        ModelSession session = gateway.open(task(AgentRole.PO, "po.refine_epic"), po.id());

        JsonNode answer = new StructuredOutput().ask(session, List.of(
                SystemMessage.from(po.render(Map.of("project_name", "Shop", "existing_stories", List.of()))),
                UserMessage.from("<epic>\nAccounts: sign up with email and password, log in and out, reset a forgotten "
                        + "password, edit the profile.\n</epic>")), po.outputSchema());

        assertThat(answer.get("stories").size()).isEqualTo(4);
        assertThat(session.steps()).isEqualTo(1);
        assertThat(session.usage().inputTokens()).isEqualTo(1180);
    }

    interface Developer {
        String implement(String story);
    }

    static final class FakeRepoTools {
        final List<String> calls = new ArrayList<>();

        @Tool(name = "read_file", value = "Reads a file of the repository")
        String readFile(@P("path") String path) {
            calls.add("read " + path);
            return "# Demo\n";
        }

        @Tool(name = "write_file", value = "Writes a file of the repository")
        String writeFile(@P("path") String path, @P("content") String content) {
            calls.add("write " + path);
            return "written " + content.length() + " chars";
        }

        @Tool(name = "run_tests", value = "Runs the test suite")
        String runTests() {
            calls.add("test");
            return "Tests run: 1, Failures: 0";
        }
    }

    @Test
    void devToolLoopRunsThroughAnAiServiceBackedByTheSession() {
        ModelSession session = gateway.open(task(AgentRole.DEV, "dev.implement_story"), "dev_agent_v3");
        FakeRepoTools tools = new FakeRepoTools();
        Developer developer = AiServices.builder(Developer.class).chatModel(session).tools(tools).build();

        String result = developer.implement("Implement story ISSUE-1: greet users by name");

        assertThat(tools.calls).containsExactly("read README.md", "write src/main/java/app/Greeting.java",
                "write src/test/java/app/GreetingTest.java", "test");
        assertThat(result).contains("the tests pass");
        assertThat(session.steps()).isEqualTo(4);
    }
}
