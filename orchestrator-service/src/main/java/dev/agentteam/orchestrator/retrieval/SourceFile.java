package dev.agentteam.orchestrator.retrieval;

import java.util.List;

/**
 * A text file of a repository at a commit, for people reading what search found.
 *
 * @param lines the file's lines, or empty with {@code unreadable} saying why (binary, too large, not UTF-8)
 */
public record SourceFile(String path, String commit, List<String> lines, String unreadable) {
}
