package dev.agentteam.common.task;

/**
 * The one way text is bounded before it goes into a task result, a prompt, a log line or an error message: cut at
 * a character count, the cut always marked so a reader (human or model) knows something is missing.
 */
public final class TextCut {

    private TextCut() {
    }

    /** The first {@code max} characters and {@code …} when longer; null stays null. */
    public static String head(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max) + "…";
    }

    /** The last {@code max} characters after a note of how many were cut (a build log's end says what failed). */
    public static String tail(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return "[… " + (text.length() - max) + " characters cut …]\n" + text.substring(text.length() - max);
    }

    /** A third of {@code max} from the start, the rest from the end, and a note of how many were cut in between. */
    public static String headAndTail(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int head = max / 3;
        return text.substring(0, head) + "\n[… " + (text.length() - max) + " characters cut …]\n"
                + text.substring(text.length() - (max - head));
    }
}
