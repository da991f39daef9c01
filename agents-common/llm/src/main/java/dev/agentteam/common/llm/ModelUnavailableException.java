package dev.agentteam.common.llm;

/** The provider kept failing (429, 5xx, I/O, timeout) after every retry. Transient: retry the task later. */
public class ModelUnavailableException extends LlmException {

    public ModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
