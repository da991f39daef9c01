package dev.agentteam.common.llm;

/**
 * The model asked for exactly the same tool calls several answers in a row although it had their results: it is
 * stuck in a loop, and more calls would only spend the budget. Permanent for this attempt.
 */
public class RepeatedToolCallException extends LlmException {

    public RepeatedToolCallException(String calls, int times) {
        super("the model repeated the same tool call " + times + " times in a row (" + calls
                + "); stopped as a loop", null);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
