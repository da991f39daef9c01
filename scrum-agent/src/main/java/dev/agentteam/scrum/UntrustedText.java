package dev.agentteam.scrum;

import java.util.regex.Pattern;

/**
 * Text that people or other models wrote (story titles, sprint names, goals) goes into a prompt only as data: one
 * line, without control or invisible characters, HTML comments or angle brackets (so it cannot close the tags that
 * delimit it), and cut to a length.
 */
final class UntrustedText {

    private static final Pattern HTML_COMMENT = Pattern.compile("<!--.*?(-->|$)", Pattern.DOTALL);
    // Cc control characters, Cf format characters (zero-width spaces, bidi overrides), line/paragraph separators
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]");

    private UntrustedText() {
    }

    static String clean(Object value, int maxLength) {
        if (value == null) {
            return "";
        }
        String text = HTML_COMMENT.matcher(value.toString()).replaceAll(" ");
        text = INVISIBLE.matcher(text).replaceAll(" ").replace('<', '‹').replace('>', '›');
        text = text.replaceAll("\\s+", " ").strip();
        return text.length() <= maxLength ? text : text.substring(0, maxLength - 1) + "…";
    }
}
