package dev.agentteam.common.codehost;

/** The code host refused or failed a request (not found, validation, conflict, server error). */
public class CodeHostException extends RuntimeException {

    private final int status;

    public CodeHostException(String message, int status) {
        super(message);
        this.status = status;
    }

    public CodeHostException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status when there was one, else 0. */
    public int status() {
        return status;
    }
}
