package dev.agentteam.common.workspace;

/** One matching line: workspace-relative path, 1-based line number and the line (shortened when very long). */
public record SearchHit(String path, int line, String text) {
}
