package dev.agentteam.common.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentteam.common.task.AgentRole;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Files;
import java.nio.file.Path;

class ScriptedChatModelTest {

    private static final ScenarioLibrary LIBRARY = ScenarioLibrary.load("classpath:prompts/scenarios");

    private static final String EPIC = "<epic>\nUser accounts: people sign up with email and password, log in and out, "
            + "reset a forgotten password and edit their profile name and avatar.\n</epic>";

    @Test
    void replaysTheSameAnswerForTheSameConversation() {
        ScriptedChatModel po = new ScriptedChatModel(AgentRole.PO, LIBRARY);

        ChatResponse first = po.chat(SystemMessage.from("system"), UserMessage.from(EPIC));
        ChatResponse second = po.chat(SystemMessage.from("system"), UserMessage.from(EPIC));

        assertThat(first.aiMessage().text()).isEqualTo(second.aiMessage().text()).contains("\"stories\"");
        assertThat(first.modelName()).isEqualTo("scripted-demo");
        assertThat(first.tokenUsage().inputTokenCount()).isEqualTo(1180);
        assertThat(first.tokenUsage().outputTokenCount()).isEqualTo(742);
    }

    @Test
    void choosesScenarioFromRoleAndTaskText() {
        ScriptedChatModel po = new ScriptedChatModel(AgentRole.PO, LIBRARY);
        ScriptedChatModel scrum = new ScriptedChatModel(AgentRole.SCRUM, LIBRARY);

        assertThat(po.chat(UserMessage.from("<epic>make it better</epic>")).aiMessage().text()).contains("\"clarify\"");
        assertThat(po.chat(UserMessage.from(EPIC + "\nAnswers to your questions:\n1. team leads")).id())
                .isEqualTo("scripted-po-after-answers-0");
        assertThat(scrum.chat(UserMessage.from("Write the sprint planning narrative.")).aiMessage().text())
                .contains("\"kind\": \"planning\"");
        assertThat(scrum.chat(UserMessage.from("Write the retrospective of sprint 3.")).aiMessage().text())
                .contains("\"kind\": \"retro\"");
    }

    @Test
    void drivesAToolLoopStepByStep() {
        ScriptedChatModel dev = new ScriptedChatModel(AgentRole.DEV, LIBRARY);
        List<ChatMessage> conversation = new ArrayList<>(List.of(SystemMessage.from("dev prompt"),
                UserMessage.from("Implement story ISSUE-1")));
        List<String> toolsRun = new ArrayList<>();

        ChatResponse response = dev.chat(conversation);
        while (response.aiMessage().hasToolExecutionRequests()) {
            assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
            conversation.add(response.aiMessage());
            for (ToolExecutionRequest call : response.aiMessage().toolExecutionRequests()) {
                toolsRun.add(call.name() + " " + call.arguments());
                conversation.add(ToolExecutionResultMessage.from(call, "ok"));
            }
            response = dev.chat(conversation);
        }

        assertThat(toolsRun).hasSize(4);
        assertThat(toolsRun.get(0)).isEqualTo("read_file {\"path\":\"README.md\"}");
        assertThat(toolsRun.get(1)).startsWith("write_file {\"path\":\"src/main/java/app/Greeting.java\"");
        assertThat(toolsRun.get(3)).isEqualTo("run_tests {}");
        assertThat(response.aiMessage().text()).contains("Added Greeting.hello");
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    }

    @Test
    void saysClearlyWhenTheScriptRunsOut() {
        ScriptedChatModel po = new ScriptedChatModel(AgentRole.PO, LIBRARY);

        assertThatThrownBy(() -> po.chat(UserMessage.from(EPIC), AiMessage.from("{}"), UserMessage.from("again"),
                AiMessage.from("{}"), UserMessage.from("and again")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("po-epic-to-stories").hasMessageContaining("call 3 has no script");
    }

    @Test
    void readsJsonScenariosFromADirectory(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("qa-check.json"), """
                {"name": "qa-check", "role": "qa", "default": true,
                 "responses": [{"toolCalls": [{"name": "run_tests", "arguments": {"module": "shop"}}], "outputTokens": 7},
                               {"text": "{\\"verdict\\": \\"pass\\"}", "inputTokens": 50, "outputTokens": 9}]}""");
        ScriptedChatModel qa = new ScriptedChatModel(AgentRole.QA, ScenarioLibrary.load(dir.toUri().toString()));

        ChatResponse first = qa.chat(UserMessage.from("check story 4"));
        ChatResponse second = qa.chat(UserMessage.from("check story 4"), first.aiMessage(),
                ToolExecutionResultMessage.from(first.aiMessage().toolExecutionRequests().get(0), "green"));

        assertThat(first.aiMessage().toolExecutionRequests().get(0).arguments()).isEqualTo("{\"module\":\"shop\"}");
        assertThat(first.tokenUsage().outputTokenCount()).isEqualTo(7);
        assertThat(second.aiMessage().text()).isEqualTo("{\"verdict\": \"pass\"}");
    }

    @Test
    void aBrokenScenarioFileFailsWithItsName(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("broken.yaml"), "name: broken\nrole: qa\nresponses: []\n");

        assertThatThrownBy(() -> ScenarioLibrary.load(dir.toUri().toString()))
                .hasMessageContaining("broken.yaml").hasMessageContaining("responses must be a non-empty list");
    }

    @Test
    void anEmptyScenarioDirectoryFailsClearly(@TempDir Path dir) {
        assertThatThrownBy(() -> ScenarioLibrary.load(dir.toUri().toString()))
                .hasMessageContaining("no scenario files").hasMessageContaining("agentteam.llm.scripted.scenarios");
    }

    @Test
    void roleWithoutScenarioFailsWithAClearMessage() {
        // the CI/CD agent calls no model, so no scenario ships for it
        ScriptedChatModel cicd = new ScriptedChatModel(AgentRole.CICD, LIBRARY);

        assertThatThrownBy(() -> cicd.chat(UserMessage.from("check it")))
                .hasMessageContaining("no scripted scenario for role cicd");
    }
}
