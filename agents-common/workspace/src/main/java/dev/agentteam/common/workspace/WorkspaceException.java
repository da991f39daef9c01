package dev.agentteam.common.workspace;

import dev.agentteam.common.task.ClassifiedFailure;

/**
 * A git operation on a task workspace failed (clone, fetch, checkout, commit or push). Retryable: it talks to the
 * forge over the network, so the usual cause (the network or the forge being down) may pass; the next attempt starts
 * from a fresh clone.
 */
public class WorkspaceException extends RuntimeException implements ClassifiedFailure {

    public WorkspaceException(String message) {
        super(message);
    }

    public WorkspaceException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
