package dev.agentteam.common.llm;

/** The provider refused the request (4xx other than 429: bad key, unknown model, invalid request). Permanent. */
public class ModelRequestRejectedException extends LlmException {

    private final int statusCode;

    public ModelRequestRejectedException(int statusCode, String message, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
    }

    /** The HTTP status the provider answered with, or 0 when the failure was not an HTTP answer. */
    public int statusCode() {
        return statusCode;
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
