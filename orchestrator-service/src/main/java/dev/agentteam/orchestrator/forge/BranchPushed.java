package dev.agentteam.orchestrator.forge;

/**
 * A ref of an embedded repository was updated by a push over git smart HTTP.
 *
 * @param branch the branch name without {@code refs/heads/}
 * @param oldSha the previous tip, or all zeros when the branch was created
 * @param newSha the new tip, or all zeros when the branch was deleted
 */
public record BranchPushed(String repository, String branch, String oldSha, String newSha, ForgeCaller caller) {

    public boolean deleted() {
        return newSha.chars().allMatch(c -> c == '0');
    }
}
