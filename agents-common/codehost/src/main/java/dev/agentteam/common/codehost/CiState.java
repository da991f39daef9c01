package dev.agentteam.common.codehost;

/** CI outcome as the merge gate needs it: still running, green, or red. */
public enum CiState {
    PENDING, SUCCESS, FAILURE
}
