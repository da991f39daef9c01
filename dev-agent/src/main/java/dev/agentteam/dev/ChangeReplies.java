package dev.agentteam.dev;

import dev.agentteam.common.prompt.UntrustedText;
import dev.agentteam.common.task.ChangeRound;
import java.util.List;

/**
 * The Dev agent's answer on the pull request after a change round: what it changed overall and, per review comment,
 * whether the file it points at was changed in the new commit. Stated from facts (the changed files), not from what
 * the model claims.
 */
final class ChangeReplies {

    private ChangeReplies() {
    }

    static List<ChangeRound.Reply> replies(List<ChangeRound.ReviewComment> comments, List<String> changedFiles) {
        return comments.stream().map(c -> new ChangeRound.Reply(c.path(), c.line(),
                c.path() != null && changedFiles.contains(c.path())
                        ? "changed `" + c.path() + "` in this commit"
                        : "not changed in this commit: `" + c.path() + "` is as before")).toList();
    }

    static String comment(ChangeRequest request, String headSha, String summary, List<ChangeRound.Reply> replies, String tests) {
        StringBuilder text = new StringBuilder("**Dev agent — ").append(request.subject().toLowerCase(java.util.Locale.ROOT))
                .append("** (new head `").append(headSha, 0, Math.min(12, headSha.length())).append("`)\n\n")
                .append(UntrustedText.clean(summary, 3000)).append("\n\nTests in the sandbox: ").append(tests).append('\n');
        if (!replies.isEmpty()) {
            text.append("\nReview comments:\n");
            for (int i = 0; i < replies.size(); i++) {
                ChangeRound.Reply reply = replies.get(i);
                ChangeRound.ReviewComment asked = request.comments().get(i);
                text.append("- `").append(reply.path()).append(reply.line() == null ? "" : ":" + reply.line()).append("` — ")
                        .append(UntrustedText.clean(asked.comment() == null ? "" : asked.comment(), 200).lines().findFirst().orElse(""))
                        .append(" → ").append(reply.answer()).append('\n');
            }
        }
        return text.toString();
    }
}
