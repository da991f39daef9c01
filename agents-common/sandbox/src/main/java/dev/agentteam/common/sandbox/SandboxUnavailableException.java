package dev.agentteam.common.sandbox;

import dev.agentteam.common.task.ClassifiedFailure;

/**
 * The isolation the sandbox needs is missing here; commands are refused rather than run unsandboxed. Not retryable:
 * the host lacks it until an operator changes the host, so another attempt would only fail the same way.
 */
public class SandboxUnavailableException extends RuntimeException implements ClassifiedFailure {

    public SandboxUnavailableException(String message) {
        super(message);
    }

    public SandboxUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
