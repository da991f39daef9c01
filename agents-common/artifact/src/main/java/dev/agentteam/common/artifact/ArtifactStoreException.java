package dev.agentteam.common.artifact;

/** The artifact store could not be reached or refused an operation. */
public class ArtifactStoreException extends RuntimeException {

    public ArtifactStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
