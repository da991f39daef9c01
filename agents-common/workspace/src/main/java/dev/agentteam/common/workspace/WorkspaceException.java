package dev.agentteam.common.workspace;

/** A git operation on a task workspace failed (clone, fetch, checkout, commit or push). */
public class WorkspaceException extends RuntimeException {

    public WorkspaceException(String message) {
        super(message);
    }

    public WorkspaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
