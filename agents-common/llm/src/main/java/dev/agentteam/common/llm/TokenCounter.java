package dev.agentteam.common.llm;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.openai.OpenAiTokenCountEstimator;
import java.util.List;

/**
 * Counts tokens with a real BPE tokenizer (jtokkit, through LangChain4j's {@link OpenAiTokenCountEstimator}): the
 * configured model's own encoding when jtokkit knows it (OpenAI families), otherwise {@code o200k_base} — an
 * approximation for other families (Anthropic, Llama, Qwen ...), whose tokenizers are not public or not bundled.
 */
public final class TokenCounter {

    /** The encoding used when the model's own is unknown to jtokkit. */
    static final String FALLBACK_MODEL = "gpt-4o";

    /** Tokens OpenAI adds per message and per tool call (role and separators). */
    private static final int MESSAGE_OVERHEAD = 3;

    private final OpenAiTokenCountEstimator estimator;
    private final String encodingModel;

    private TokenCounter(OpenAiTokenCountEstimator estimator, String encodingModel) {
        this.estimator = estimator;
        this.encodingModel = encodingModel;
    }

    public static TokenCounter forModel(String modelName) {
        if (modelName != null && !modelName.isBlank()) {
            try {
                return new TokenCounter(new OpenAiTokenCountEstimator(modelName.strip()), modelName.strip());
            } catch (IllegalArgumentException unknownToJtokkit) {
                // fall through to the approximation
            }
        }
        return new TokenCounter(new OpenAiTokenCountEstimator(FALLBACK_MODEL), FALLBACK_MODEL);
    }

    /** The model whose encoding counts (the configured one, or {@value #FALLBACK_MODEL} as approximation). */
    public String encodingModel() {
        return encodingModel;
    }

    public int text(String text) {
        return text == null || text.isEmpty() ? 0 : estimator.estimateTokenCountInText(text);
    }

    /** One message as the provider counts it, with its per-message overhead. */
    public int message(ChatMessage message) {
        try {
            return estimator.estimateTokenCountInMessage(message);
        } catch (RuntimeException unparsableArguments) {
            // the estimator parses a tool call's arguments as JSON; a model that sent broken JSON gets its mistake
            // answered by the tool loop, so the call still has to be counted: by its raw text
            return rawMessage(message);
        }
    }

    private int rawMessage(ChatMessage message) {
        if (message instanceof AiMessage ai) {
            int sum = MESSAGE_OVERHEAD + text(ai.text());
            for (ToolExecutionRequest request : ai.toolExecutionRequests()) {
                sum += MESSAGE_OVERHEAD + text(request.name()) + text(request.arguments());
            }
            return sum;
        }
        return MESSAGE_OVERHEAD + text(message.toString());
    }

    /** Tokens the tool definitions add to every request (their JSON schema text; an estimate of the wire form). */
    public int tools(List<ToolSpecification> tools) {
        int sum = 0;
        for (ToolSpecification tool : tools == null ? List.<ToolSpecification>of() : tools) {
            sum += text(tool.name()) + text(tool.description())
                    + text(tool.parameters() == null ? "" : tool.parameters().toString()) + 8;
        }
        return sum;
    }

    /** Priming tokens of every reply, as OpenAI counts them. */
    static int replyPriming() {
        return 3;
    }
}
