package dev.agentteam.common.workspace;

/** A file tool could not do what was asked; the message is meant for the agent (and says how to fix it). */
public class WorkspaceFileException extends RuntimeException {

    public WorkspaceFileException(String message) {
        super(message);
    }
}
