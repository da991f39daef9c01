package dev.agentteam.orchestrator.mergegate;

/**
 * A pull request was merged through the merge gate, in the transaction that recorded it.
 *
 * @param storyId  the story the pull request implements, or null
 * @param mergedBy the person who merged it
 */
public record MergeCompleted(long pullRequestId, Long storyId, long mergedBy) {
}
