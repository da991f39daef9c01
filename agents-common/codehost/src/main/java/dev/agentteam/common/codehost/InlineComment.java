package dev.agentteam.common.codehost;

/** A review comment on one line of a file in the PR's head commit (line numbers as in the new file). */
public record InlineComment(String path, int line, String body) {

    public InlineComment {
        if (path == null || path.isBlank() || line < 1 || body == null || body.isBlank()) {
            throw new IllegalArgumentException("an inline comment needs a path, a line >= 1 and a body");
        }
    }
}
