package dev.agentteam.common.prompt;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text from epics, stories, answers, reviews, test results and repositories on its way into a prompt or a comment: it
 * is data, never instructions. The one policy every agent applies: line ends made {@code \n}, control characters
 * (but newline and tab), invisible and bidirectional-control characters removed — first, so that they cannot hide
 * what comes next — then HTML comments removed, template braces defused, length capped. What a caller adds on top is
 * its own: the PO agent redacts secrets and defuses its own delimiters (docs/adr/libraries-instead-of-plumbing.md).
 */
public final class UntrustedText {

    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\u00AD\\u034F\\u115F\\u1160\\u3164\\uFFA0&&[^\\n\\t]]");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");
    private static final Pattern HTML_COMMENT = Pattern.compile("<!--.*?(-->|$)", Pattern.DOTALL);
    // Cc control characters, Cf format characters (zero-width spaces, bidi overrides), line/paragraph separators
    private static final Pattern LINE_BREAKING_OR_INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]");
    private static final String CUT = " […]";

    private UntrustedText() {
    }

    /** Cleaned text, lines kept, cut at {@code limit} characters with {@code " […]"}. */
    public static String clean(String text, int limit) {
        return clean(text, limit, CUT);
    }

    /** Cleaned text, lines kept, cut at {@code limit} characters followed by {@code cutMarker}. */
    public static String clean(String text, int limit, String cutMarker) {
        if (text == null) {
            return "";
        }
        String lines = CONTROL.matcher(text.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
        String cleaned = HTML_COMMENT.matcher(INVISIBLE.matcher(lines).replaceAll("")).replaceAll("");
        // LangChain4j treats {{name}} in prompts as template variables; a story must not be able to inject one.
        cleaned = defuseTemplateBraces(cleaned);
        return cleaned.length() <= limit ? cleaned : cleaned.substring(0, limit) + cutMarker;
    }

    /**
     * One line (story titles, sprint names, goals) for a prompt that delimits it with tags: also no control
     * characters or angle brackets (so it cannot close those tags), whitespace collapsed, at most {@code maxLength}
     * characters including the closing {@code "…"}.
     */
    public static String oneLine(Object value, int maxLength) {
        if (value == null) {
            return "";
        }
        String text = HTML_COMMENT.matcher(value.toString()).replaceAll(" ");
        text = LINE_BREAKING_OR_INVISIBLE.matcher(text).replaceAll(" ").replace('<', '‹').replace('>', '›');
        text = text.replaceAll("\\s+", " ").strip();
        return text.length() <= maxLength ? text : text.substring(0, maxLength - 1) + "…";
    }

    /** Code, where nothing may be removed: invisible and bidirectional-control characters shown as {@code <U+XXXX>}. */
    public static String visible(String text) {
        Matcher m = INVISIBLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, String.format("<U+%04X>", (int) m.group().charAt(0)));
        }
        m.appendTail(out);
        return out.toString();
    }

    public static String defuseTemplateBraces(String text) {
        return text.replace("{{", "{ {").replace("}}", "} }");
    }
}
