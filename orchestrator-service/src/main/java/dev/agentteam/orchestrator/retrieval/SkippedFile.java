package dev.agentteam.orchestrator.retrieval;

/** A file the index leaves out, and why (binary, too large, not UTF-8, vendored, symbolic link, ...). */
public record SkippedFile(String path, String reason) {
}
