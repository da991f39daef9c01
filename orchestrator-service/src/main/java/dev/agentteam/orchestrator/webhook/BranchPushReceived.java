package dev.agentteam.orchestrator.webhook;

/**
 * GitHub reported a push to a branch ({@code push} webhook), after its delivery was processed.
 *
 * @param repo  {@code owner/name}
 * @param after the new tip
 */
public record BranchPushReceived(String repo, String branch, String after) {
}
