package dev.agentteam.common.llm;

import dev.agentteam.common.audit.AgentLogEntry;
import dev.agentteam.common.audit.AgentLogWriter;
import dev.agentteam.common.task.TokenUsage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.ModelProvider;
import java.math.BigDecimal;
import java.util.Set;

/**
 * One task attempt's view of its role's model: checks the budget before each call, audits each call
 * (success or failure) with the explicit {@link ModelCallContext}, and turns provider errors into
 * {@link LlmException}s. It is itself a {@link ChatModel}, so it can back a LangChain4j AI service for tool loops.
 */
public final class ModelSession implements ChatModel {

    private final ModelCallContext context;
    private final ChatModel model;
    private final String modelName;
    private final Budget budget;
    private final PriceTable prices;
    private final AgentLogWriter audit;
    private final RepetitionGuard repetition;
    private final ContextCondenser condenser;

    /** @param condenser shapes each request's messages to the role's input budget; null sends them as they are */
    ModelSession(ModelCallContext context, ChatModel model, String modelName, LlmProperties.Budget limits,
                 PriceTable prices, AgentLogWriter audit, ContextCondenser condenser) {
        this.context = context;
        this.model = model;
        this.modelName = modelName;
        this.budget = new Budget(limits);
        this.prices = prices;
        this.audit = audit;
        this.repetition = new RepetitionGuard(limits.maxRepeatedToolCalls());
        this.condenser = condenser;
    }

    @Override
    public ChatResponse chat(ChatRequest original) {
        budget.checkBeforeCall();
        ChatRequest request = condensed(original);
        long start = System.nanoTime();
        ChatResponse response;
        try {
            response = model.chat(request);
        } catch (RuntimeException e) {
            LlmException failure = translate(e);
            budget.recordFailedCall();
            write(request, null, elapsedMs(start), 0, 0, BigDecimal.ZERO, failure.getMessage());
            throw failure;
        }
        long in = response.tokenUsage() == null || response.tokenUsage().inputTokenCount() == null ? 0
                : response.tokenUsage().inputTokenCount();
        long out = response.tokenUsage() == null || response.tokenUsage().outputTokenCount() == null ? 0
                : response.tokenUsage().outputTokenCount();
        String usedModel = response.modelName() != null ? response.modelName() : modelName;
        BigDecimal cost = prices.cost(usedModel, in, out);
        budget.record(in, out, cost);
        write(request, response, elapsedMs(start), in, out, cost, null);
        repetition.check(response.aiMessage());
        return response;
    }

    /** The request as it is sent: its messages within the role's input budget (the caller's history is untouched). */
    private ChatRequest condensed(ChatRequest request) {
        if (condenser == null) {
            return request;
        }
        return request.toBuilder().messages(condenser.condense(request.messages(), request.toolSpecifications()))
                .build();
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        return chat(request);
    }

    /** Tokens and cost of every successful call in this session so far. */
    public TokenUsage usage() {
        return budget.used();
    }

    /** Model calls made so far, failed ones included. */
    public int steps() {
        return budget.steps();
    }

    public ModelCallContext context() {
        return context;
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return model.defaultRequestParameters();
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return model.supportedCapabilities();
    }

    @Override
    public ModelProvider provider() {
        return model.provider();
    }

    private void write(ChatRequest request, ChatResponse response, long latencyMs, long in, long out, BigDecimal cost,
                       String error) {
        if (audit == null) {
            return;
        }
        String usedModel = response != null && response.modelName() != null ? response.modelName() : modelName;
        audit.write(new AgentLogEntry(context.role().key(), context.taskId(), context.attempt(),
                CallRendering.prompt(request.messages()),
                response == null ? null : CallRendering.answer(response.aiMessage()),
                response == null ? "error: " + error : CallRendering.decision(response.aiMessage()),
                CallRendering.metadata(request, response, String.valueOf(model.provider()), error),
                usedModel, context.promptVersion(), in, out, cost, latencyMs, context.traceId()));
    }

    private static long elapsedMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    static LlmException translate(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LlmException known) {
                return known;
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException http) {
                return new ModelRequestRejectedException(http.statusCode(),
                        "model provider rejected the request (HTTP " + http.statusCode() + "): " + http.getMessage(), e);
            }
        }
        if (e instanceof RetriableException) {
            return new ModelUnavailableException("model unavailable: " + e.getMessage(), e);
        }
        if (e instanceof LangChain4jException) {
            return new ModelRequestRejectedException(0, "model call failed: " + e.getMessage(), e);
        }
        // anything else (a scripted scenario that ran out, a bug) is not going to fix itself on retry
        return new ModelRequestRejectedException(0, "model call failed: " + e.getClass().getSimpleName() + ": "
                + e.getMessage(), e);
    }
}
