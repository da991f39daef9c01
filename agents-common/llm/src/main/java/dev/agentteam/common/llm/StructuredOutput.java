package dev.agentteam.common.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks for JSON matching a schema, validates it, and on failure makes exactly one repair call that tells the
 * model what was wrong; a second failure is an {@link InvalidModelOutputException} with the reason.
 */
public class StructuredOutput {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public JsonNode ask(ChatModel session, List<ChatMessage> messages, JsonNode schema) {
        ChatResponse first = session.chat(request(session, messages));
        String firstText = first.aiMessage().text();
        String error = problem(firstText, schema);
        if (error == null) {
            return parse(firstText);
        }
        List<ChatMessage> repair = new ArrayList<>(messages);
        repair.add(first.aiMessage().text() == null ? AiMessage.from("") : first.aiMessage());
        repair.add(UserMessage.from("Your previous answer was not valid: " + error
                + "\nAnswer again with only JSON (no prose, no code fences) matching this JSON schema:\n" + schema));
        String secondText = session.chat(request(session, repair)).aiMessage().text();
        String secondError = problem(secondText, schema);
        if (secondError != null) {
            throw new InvalidModelOutputException(secondError);
        }
        return parse(secondText);
    }

    /** Why {@code text} is not valid for {@code schema}, or null when it is. */
    public static String problem(String text, JsonNode schema) {
        if (text == null || text.isBlank()) {
            return "the answer was empty";
        }
        JsonNode node;
        try {
            node = parse(text);
        } catch (JacksonException e) {
            return "it is not parseable JSON (" + e.getOriginalMessage() + ")";
        }
        List<String> errors = JsonSchemaCheck.validate(node, schema);
        return errors.isEmpty() ? null : String.join("; ", errors);
    }

    static JsonNode parse(String text) {
        return JSON.readTree(stripFences(text.strip()));
    }

    /** Models often wrap JSON in a markdown fence even when told not to; that alone is not worth a repair. */
    private static String stripFences(String text) {
        if (text.startsWith("```")) {
            int firstNewline = text.indexOf('\n');
            int lastFence = text.lastIndexOf("```");
            if (firstNewline > 0 && lastFence > firstNewline) {
                return text.substring(firstNewline + 1, lastFence).strip();
            }
        }
        return text;
    }

    private static ChatRequest request(ChatModel session, List<ChatMessage> messages) {
        ChatRequest.Builder builder = ChatRequest.builder().messages(messages);
        ModelProvider provider = session.provider();
        // JSON mode where the provider has it; the schema itself travels in the prompt for every provider
        if (provider == ModelProvider.OPEN_AI || provider == ModelProvider.OLLAMA) {
            builder.responseFormat(ResponseFormat.JSON);
        }
        return builder.build();
    }
}
