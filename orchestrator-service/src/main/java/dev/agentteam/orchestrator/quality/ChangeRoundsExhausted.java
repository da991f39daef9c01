package dev.agentteam.orchestrator.quality;

/** A pull request used up its change rounds: it waits for a human ({@code reason} says why and what to do). */
public record ChangeRoundsExhausted(long prId, Long storyId, int rounds, String reason) {
}
