package dev.agentteam.common.artifact;

/** An artifact's description without its content. */
public record StoredArtifact(String key, String contentType, long sizeBytes) {
}
