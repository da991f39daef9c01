package dev.agentteam.common.codehost;

/**
 * One CI signal on a commit: a commit status (by context) or a check run (by name).
 *
 * @param detailsUrl where a person sees the log; may be null
 */
public record CommitCheck(String name, CiState state, String detailsUrl) {
}
