package dev.agentteam.orchestrator.history;

/**
 * Who or what caused a status change: a person ({@code userId}), an agent's task ({@code taskId}), or the system
 * reacting to something (a forge event, another status change), which {@code reason} names.
 */
public record ChangedBy(Long userId, Long taskId, String reason) {

    public static ChangedBy user(long userId, String reason) {
        return new ChangedBy(userId, null, reason);
    }

    /** A person when known (signed in), else the system; {@code reason} says what was asked. */
    public static ChangedBy person(Long userId, String reason) {
        return new ChangedBy(userId, null, reason);
    }

    public static ChangedBy task(long taskId, String reason) {
        return new ChangedBy(null, taskId, reason);
    }

    public static ChangedBy system(String reason) {
        return new ChangedBy(null, null, reason);
    }
}
