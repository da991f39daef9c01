package dev.agentteam.review;

import dev.agentteam.common.prompt.UntrustedText;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text on its way into the review prompt. Stories are data from people: invisible characters and HTML comments
 * go, template braces are defused, length is capped. Diffs are code: nothing is removed (the reviewer must see
 * what is there), but invisible and bidirectional-control characters are made visible as {@code <U+XXXX>}, and
 * each new-file line gets its line number so comments can point at it.
 */
final class ReviewText {

    private static final String CUT = "\n[… cut: the rest of the text is not shown]";
    private static final Pattern HUNK = Pattern.compile("^@@ -\\d+(?:,\\d+)? \\+(\\d+)(?:,\\d+)? @@.*");

    private ReviewText() {
    }

    static String story(String text, int limit) {
        return UntrustedText.clean(text, limit, CUT);
    }

    /** The diff with new-file line numbers in a left column, invisible characters shown, cut at {@code limit}. */
    static String diff(String unified, int limit) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (String line : unified.split("\n", -1)) {
            Matcher hunk = HUNK.matcher(line);
            if (hunk.matches()) {
                next = Integer.parseInt(hunk.group(1));
                out.append("      ").append(line);
            } else if (next > 0 && (line.startsWith("+") || line.startsWith(" ")) && !line.startsWith("+++")) {
                out.append(String.format("%5d ", next++)).append(line);
            } else {
                out.append("      ").append(line);
                if (line.startsWith("diff --git")) {
                    next = 0;
                }
            }
            out.append('\n');
        }
        return cut(UntrustedText.defuseTemplateBraces(UntrustedText.visible(out.toString())), limit);
    }

    static boolean cutAt(String text, int limit) {
        return text.length() > limit;
    }

    private static String cut(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit) + CUT;
    }
}
