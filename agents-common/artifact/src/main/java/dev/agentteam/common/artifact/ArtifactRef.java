package dev.agentteam.common.artifact;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An artifact as a task result reports it, for the orchestrator to record in the {@code artifacts} table (agents do
 * not write domain tables): {@code kind} such as {@code ci-log} or {@code junit-xml}, a display {@code name}, and
 * where it is stored.
 */
public record ArtifactRef(String kind, String name, String key, String contentType, long sizeBytes) {

    public static ArtifactRef of(String kind, String name, StoredArtifact stored) {
        return new ArtifactRef(kind, name, stored.key(), stored.contentType(), stored.sizeBytes());
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kind", kind);
        map.put("name", name);
        map.put("key", key);
        map.put("content_type", contentType);
        map.put("size_bytes", sizeBytes);
        return map;
    }
}
