package dev.agentteam.common.sandbox;

/** The host identity a sandboxed command runs as. */
record SandboxUser(int uid, int gid) {
}
