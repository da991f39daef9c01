package dev.agentteam.common.llm;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON bodies of OpenAI's chat-completions API that {@link ScenarioReplayServer} answers with. */
final class OpenAiWire {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OpenAiWire() {
    }

    static String completion(Scenario scenario, int step, Scenario.Step s, String model, int requestChars) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "replay-" + scenario.name() + "-" + step);
        root.put("object", "chat.completion");
        root.put("created", System.currentTimeMillis() / 1000);
        root.put("model", model);
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        if (s.text() == null) {
            message.putNull("content");
        } else {
            message.put("content", s.text());
        }
        if (!s.toolCalls().isEmpty()) {
            ArrayNode calls = message.putArray("tool_calls");
            for (int i = 0; i < s.toolCalls().size(); i++) {
                Scenario.ToolCall call = s.toolCalls().get(i);
                ObjectNode c = calls.addObject();
                c.put("id", "call_" + scenario.name() + "_" + step + "_" + i);
                c.put("type", "function");
                c.putObject("function").put("name", call.name()).put("arguments", call.argumentsJson());
            }
        }
        choice.put("finish_reason", s.toolCalls().isEmpty() ? "stop" : "tool_calls");
        long in = s.inputTokens() > 0 ? s.inputTokens() : Math.max(1, requestChars / 4);
        root.putObject("usage").put("prompt_tokens", in).put("completion_tokens", s.outputTokens())
                .put("total_tokens", in + s.outputTokens());
        return JSON.writeValueAsString(root);
    }

    static String error(String message, String type) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("error").put("message", message).put("type", type);
        return JSON.writeValueAsString(root);
    }
}
