package dev.agentteam.orchestrator.events;

/** The event of {@link FlakyReaction}, published only by EventPublicationRegistryTest. */
public record Pinged(String id) {
}
