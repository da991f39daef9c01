package dev.agentteam.common.llm;

import dev.agentteam.common.task.AgentRole;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.List;
import java.util.Set;

/**
 * A deterministic stand-in for a model: replays a {@link Scenario} chosen from the role and the task text.
 * Stateless — the step is the number of assistant messages already in the request — so tool loops, repair
 * calls and repeated runs replay identically. Not AI, and it says so at start-up.
 */
public final class ScriptedChatModel implements ChatModel {

    public static final String MODEL_NAME = "scripted-demo";

    private final AgentRole role;
    private final ScenarioLibrary library;

    public ScriptedChatModel(AgentRole role, ScenarioLibrary library) {
        this.role = role;
        this.library = library;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        List<ChatMessage> messages = request.messages();
        Scenario scenario = library.select(role, taskText(messages));
        int step = (int) messages.stream().filter(AiMessage.class::isInstance).count();
        if (step >= scenario.responses().size()) {
            throw new IllegalStateException("scripted scenario '" + scenario.name() + "' has "
                    + scenario.responses().size() + " response(s); call " + (step + 1) + " has no script");
        }
        Scenario.Step s = scenario.responses().get(step);
        long input = s.inputTokens() > 0 ? s.inputTokens() : estimateTokens(messages);
        AiMessage answer;
        if (s.toolCalls().isEmpty()) {
            answer = AiMessage.from(s.text());
        } else {
            List<ToolExecutionRequest> calls = new java.util.ArrayList<>();
            for (int i = 0; i < s.toolCalls().size(); i++) {
                Scenario.ToolCall call = s.toolCalls().get(i);
                calls.add(ToolExecutionRequest.builder().id("call_" + scenario.name() + "_" + step + "_" + i)
                        .name(call.name()).arguments(call.argumentsJson()).build());
            }
            answer = s.text() == null ? AiMessage.from(calls) : AiMessage.from(s.text(), calls);
        }
        return ChatResponse.builder().aiMessage(answer).id("scripted-" + scenario.name() + "-" + step)
                .modelName(MODEL_NAME).tokenUsage(new TokenUsage((int) input, (int) s.outputTokens()))
                .finishReason(s.toolCalls().isEmpty() ? FinishReason.STOP : FinishReason.TOOL_EXECUTION).build();
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return Set.of(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
    }

    private static String taskText(List<ChatMessage> messages) {
        for (ChatMessage m : messages) {
            if (m instanceof UserMessage user) {
                return user.hasSingleText() ? user.singleText() : user.contents().toString();
            }
        }
        return "";
    }

    private static long estimateTokens(List<ChatMessage> messages) {
        long chars = 0;
        for (ChatMessage m : messages) {
            if (m instanceof SystemMessage system) {
                chars += system.text().length();
            } else if (m instanceof UserMessage user && user.hasSingleText()) {
                chars += user.singleText().length();
            } else if (m instanceof AiMessage ai && ai.text() != null) {
                chars += ai.text().length();
            }
        }
        return Math.max(1, chars / 4);
    }
}
