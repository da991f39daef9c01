package dev.agentteam.common.sandbox;

/** The isolation the sandbox needs is missing here; commands are refused rather than run unsandboxed. */
public class SandboxUnavailableException extends RuntimeException {

    public SandboxUnavailableException(String message) {
        super(message);
    }

    public SandboxUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
