package dev.agentteam.common.llm;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Renders a model call for the audit trail: readable text for people, a JSON object for queries. */
final class CallRendering {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CallRendering() {
    }

    static String prompt(List<ChatMessage> messages) {
        StringBuilder out = new StringBuilder();
        for (ChatMessage m : messages) {
            if (!out.isEmpty()) {
                out.append("\n\n");
            }
            if (m instanceof SystemMessage s) {
                out.append("[system]\n").append(s.text());
            } else if (m instanceof UserMessage u) {
                out.append("[user]\n").append(u.hasSingleText() ? u.singleText() : u.contents().toString());
            } else if (m instanceof AiMessage a) {
                out.append("[assistant]\n").append(answer(a));
            } else if (m instanceof ToolExecutionResultMessage t) {
                out.append("[tool result: ").append(t.toolName()).append("]\n").append(t.text());
            } else {
                out.append('[').append(m.type()).append("]\n").append(m);
            }
        }
        return out.toString();
    }

    static String answer(AiMessage ai) {
        StringBuilder out = new StringBuilder(ai.text() == null ? "" : ai.text());
        if (ai.hasToolExecutionRequests()) {
            for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
                if (!out.isEmpty()) {
                    out.append('\n');
                }
                out.append("→ tool call ").append(call.name()).append(' ').append(call.arguments());
            }
        }
        return out.toString();
    }

    static String decision(AiMessage ai) {
        if (ai.hasToolExecutionRequests()) {
            return "tool_calls: " + String.join(", ", ai.toolExecutionRequests().stream().map(ToolExecutionRequest::name).toList());
        }
        return "answer";
    }

    static String metadata(ChatRequest request, ChatResponse response, String provider, String error) {
        ObjectNode root = JSON.createObjectNode();
        root.put("provider", provider);
        ChatRequestParameters p = request.parameters();
        ObjectNode params = root.putObject("parameters");
        if (p != null) {
            putIfPresent(params, "modelName", p.modelName());
            putIfPresent(params, "temperature", p.temperature());
            putIfPresent(params, "maxOutputTokens", p.maxOutputTokens());
            putIfPresent(params, "responseFormat", p.responseFormat() == null ? null : p.responseFormat().type());
            if (p.toolSpecifications() != null && !p.toolSpecifications().isEmpty()) {
                ArrayNode tools = params.putArray("tools");
                p.toolSpecifications().stream().map(ToolSpecification::name).forEach(tools::add);
            }
        }
        if (response != null) {
            putIfPresent(root, "responseId", response.id());
            putIfPresent(root, "finishReason", response.finishReason());
            ArrayNode calls = root.putArray("toolCalls");
            AiMessage ai = response.aiMessage();
            if (ai != null && ai.hasToolExecutionRequests()) {
                for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
                    calls.addObject().put("id", call.id()).put("name", call.name()).put("arguments", call.arguments());
                }
            }
        }
        putIfPresent(root, "error", error);
        return JSON.writeValueAsString(root);
    }

    private static void putIfPresent(ObjectNode node, String key, Object value) {
        if (value instanceof Integer i) {
            node.put(key, i);
        } else if (value instanceof Double d) {
            node.put(key, d);
        } else if (value != null) {
            node.put(key, value.toString());
        }
    }
}
