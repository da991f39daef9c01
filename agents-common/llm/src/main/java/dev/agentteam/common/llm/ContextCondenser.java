package dev.agentteam.common.llm;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import java.util.List;

/**
 * Keeps one model call's input within the role's token budget (docs/adr/bounded-context.md). A tool loop resends
 * its whole history each step; this shapes what is sent, never the loop's own memory:
 * <ol>
 *   <li>every tool output above {@code maxToolOutputTokens} keeps its head and tail and a note naming the lines
 *       left out and how to read them;</li>
 *   <li>observations older than the {@code keepRecentObservations} latest collapse to a one-line stub;</li>
 *   <li>near the budget, the newer observations collapse too, oldest first;</li>
 *   <li>still above it, the oldest steps (the model's message and its tool results) are replaced by one summary
 *       message listing the calls made.</li>
 * </ol>
 * Pinned and never dropped: system messages, user messages (the task and its acceptance criteria), the latest
 * test run's output and the latest step. If the pinned parts alone exceed the budget the call is refused
 * ({@link BudgetExceededException}, budget {@code max-input-tokens}) rather than sent over budget.
 */
public final class ContextCondenser {

    private final TokenCounter counter;
    private final LlmProperties.Context limits;
    private final ToolOutputTruncation truncation;

    public ContextCondenser(TokenCounter counter, LlmProperties.Context limits) {
        this.counter = counter;
        this.limits = limits;
        this.truncation = new ToolOutputTruncation(counter);
    }

    public LlmProperties.Context limits() {
        return limits;
    }

    /** Input tokens of these messages plus tool definitions, as {@link #condense} counts them. */
    public int inputTokens(List<ChatMessage> messages, List<ToolSpecification> tools) {
        int sum = counter.tools(tools) + TokenCounter.replyPriming();
        for (ChatMessage message : messages) {
            sum += counter.message(message);
        }
        return sum;
    }

    /** @return the messages to send: within the budget, pinned parts intact */
    public List<ChatMessage> condense(List<ChatMessage> messages, List<ToolSpecification> tools) {
        CondensedHistory history = new CondensedHistory(messages, counter, limits.testTools());
        truncateOutputs(history);
        List<Integer> observations = history.observations();
        int keep = Math.max(0, limits.keepRecentObservations());
        for (int i = 0; i < observations.size() - keep; i++) {
            history.collapse(observations.get(i));
        }
        int fixed = counter.tools(tools) + TokenCounter.replyPriming();
        int budget = limits.maxInputTokens() - fixed;
        for (int i = 0; i < observations.size() && history.tokens() > budget; i++) {
            history.collapse(observations.get(i));
        }
        while (history.tokens() > budget && history.summariseOldestStep()) {
            // each round moves one more step into the summary
        }
        if (history.tokens() > budget) {
            throw new BudgetExceededException("max-input-tokens", (history.tokens() + fixed)
                    + " input tokens after condensing (task, acceptance criteria, latest test output and latest step "
                    + "are never dropped)", limits.maxInputTokens() + " per call");
        }
        return history.messages();
    }

    private void truncateOutputs(CondensedHistory history) {
        for (int index = 0; index < history.size(); index++) {
            if (!(history.get(index) instanceof ToolExecutionResultMessage result)) {
                continue;
            }
            String cut = truncation.truncate(result.toolName(), history.arguments(result.id()), result.text(),
                    limits.maxToolOutputTokens());
            if (!cut.equals(result.text())) {
                history.replace(index, ToolExecutionResultMessage.from(result.id(), result.toolName(), cut));
            }
        }
    }

}
