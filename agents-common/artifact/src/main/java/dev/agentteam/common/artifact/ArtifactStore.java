package dev.agentteam.common.artifact;

import java.util.List;
import java.util.Optional;

/**
 * Where CI logs, test reports and agent trajectories are kept: a directory by default, MinIO/S3 in production
 * ({@code agentteam.artifacts.type}). Keys are slash-separated paths such as {@code tasks/42/ci-log.txt}; see
 * {@link ArtifactKey} for what is allowed. Putting a key again replaces its content.
 */
public interface ArtifactStore {

    /** Stores {@code content} under {@code key} and returns what was stored. */
    StoredArtifact put(String key, byte[] content, String contentType);

    /** The artifact under {@code key}, or empty when there is none. */
    Optional<Artifact> get(String key);

    /** The artifacts whose keys start with {@code prefix} (empty prefix: all), sorted by key. */
    List<StoredArtifact> list(String prefix);
}
