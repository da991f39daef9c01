package dev.agentteam.common.workspace;

/** A tool asked for a path outside the workspace (or inside its {@code .git}); nothing was read or written. */
public class PathOutsideWorkspaceException extends WorkspaceFileException {

    public PathOutsideWorkspaceException(String message) {
        super(message);
    }
}
