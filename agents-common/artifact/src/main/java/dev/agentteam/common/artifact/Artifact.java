package dev.agentteam.common.artifact;

import java.nio.charset.StandardCharsets;

/** An artifact with its content. */
public record Artifact(String key, String contentType, byte[] content) {

    public Artifact {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    public StoredArtifact description() {
        return new StoredArtifact(key, contentType, content.length);
    }
}
