package dev.agentteam.orchestrator.events;

import java.time.Instant;

/** One reaction still owed: which listener, for which event type, since when, after how many tries. */
public record IncompletePublication(String listener, String eventType, Instant publishedAt, int attempts) {

    /** The event's simple name ({@code TaskSucceeded}) instead of its fully qualified class name. */
    public String eventName() {
        return eventType.substring(eventType.lastIndexOf('.') + 1).replace('$', '.');
    }
}
