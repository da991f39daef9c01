package dev.agentteam.common.codehost;

public enum MergeMethod {
    MERGE, SQUASH, REBASE
}
