package dev.agentteam.review;

import java.util.ArrayList;

import java.util.List;


import tools.jackson.databind.JsonNode;

import dev.agentteam.common.codehost.InlineComment;
import dev.agentteam.common.task.ChangeRound;

/**
 * The model's review, validated against the prompt's schema, split into what can be posted on lines of the diff
 * and what cannot (a comment on a line the diff does not show would be refused by the forge, so it goes into the
 * summary instead).
 */
record Review(String summary, boolean approved, List<Finding> findings) {

    static final String APPROVED = "agent-review:approved";
    static final String CHANGES_REQUESTED = "agent-review:changes-requested";
    static final String NEEDS_HUMAN = "needs-human";

    record Finding(String path, int line, String severity, String comment, String suggestedChange) {

        ChangeRound.ReviewComment toResult() {
            return new ChangeRound.ReviewComment(path, line, severity, comment, suggestedChange);
        }

        /** The comment as posted: severity first, the suggestion in the forge's suggestion block. */
        String body() {
            String text = "**" + severity + "** — " + comment;
            return suggestedChange == null || suggestedChange.isBlank() ? text
                    : text + "\n\n```suggestion\n" + suggestedChange.stripTrailing() + "\n```";
        }
    }

    static Review from(JsonNode json, int maxComments) {
        List<Finding> findings = new ArrayList<>();
        for (JsonNode c : json.path("comments")) {
            if (findings.size() == maxComments) {
                break;
            }
            String suggestion = c.path("suggested_change").isString() ? c.path("suggested_change").asString() : null;
            findings.add(new Finding(c.path("path").asString().replaceFirst("^(a/|b/|\\./)", ""), c.path("line").asInt(),
                    c.path("severity").asString(), c.path("comment").asString(), suggestion));
        }
        boolean blocking = findings.stream().anyMatch(f -> f.severity().equals("critical") || f.severity().equals("major"));
        // the verdict the prompt's rule gives wins over a contradicting one: a major finding is never "approve"
        boolean approved = json.path("verdict").asString().equals("approve") && !blocking;
        return new Review(json.path("summary").asString(), approved, findings);
    }

    List<InlineComment> inline(PullRequestDiff diff) {
        return findings.stream().filter(f -> diff.canComment(f.path(), f.line()))
                .map(f -> new InlineComment(f.path(), f.line(), f.body())).toList();
    }

    /** The review's body: the verdict, the summary, and the findings that could not be placed on a line. */
    String body(PullRequestDiff diff, int round, boolean needsHuman, boolean diffCut) {
        StringBuilder body = new StringBuilder("### Agent review (round ").append(round).append("): ")
                .append(approved ? "approve" : "changes requested").append("\n\n").append(summary.strip()).append('\n');
        List<Finding> unplaced = findings.stream().filter(f -> !diff.canComment(f.path(), f.line())).toList();
        if (!unplaced.isEmpty()) {
            body.append("\nOther remarks:\n");
            unplaced.forEach(f -> body.append("- `").append(f.path()).append(':').append(f.line()).append("` ")
                    .append(f.body().replace("\n", "\n  ")).append('\n'));
        }
        if (diffCut) {
            body.append("\n_The diff was too long to review whole; only its beginning was reviewed._\n");
        }
        if (needsHuman) {
            body.append("\nThis was the last automatic review round: a person needs to decide (`needs-human`).\n");
        }
        return body.toString();
    }
}
