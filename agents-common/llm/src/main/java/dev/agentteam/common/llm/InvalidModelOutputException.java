package dev.agentteam.common.llm;

/** The model's structured answer was still invalid after one repair call. */
public class InvalidModelOutputException extends LlmException {

    private final String reason;

    public InvalidModelOutputException(String reason) {
        super("model output is not valid JSON for the expected schema, even after one repair call: " + reason, null);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
