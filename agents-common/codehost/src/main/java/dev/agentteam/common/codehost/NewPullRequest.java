package dev.agentteam.common.codehost;

import java.util.Objects;

/**
 * @param head  the branch with the changes (in the same repository)
 * @param base  the branch to merge into (usually the default branch)
 * @param title {@code [ISSUE-<id>] <title>}
 * @param body  the filled-in PR template (Markdown)
 */
public record NewPullRequest(String head, String base, String title, String body, boolean draft) {

    public NewPullRequest {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(base, "base");
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a pull request needs a title");
        }
        body = body == null ? "" : body;
    }
}
