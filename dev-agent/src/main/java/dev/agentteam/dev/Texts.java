package dev.agentteam.dev;

/** Bounding text that goes to the model or into a result. */
final class Texts {

    private Texts() {
    }

    /** The text when short enough, else its head and tail with a marker in between. */
    static String headAndTail(String text, int limit) {
        if (text == null || text.length() <= limit) {
            return text;
        }
        int head = limit / 3;
        int tail = limit - head;
        return text.substring(0, head) + "\n[… " + (text.length() - limit) + " characters cut …]\n"
                + text.substring(text.length() - tail);
    }

    /** The last {@code limit} characters, marked when cut. */
    static String tail(String text, int limit) {
        if (text == null || text.length() <= limit) {
            return text;
        }
        return "[… " + (text.length() - limit) + " characters cut …]\n" + text.substring(text.length() - limit);
    }
}
