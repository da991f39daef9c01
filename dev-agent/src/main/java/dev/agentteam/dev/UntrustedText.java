package dev.agentteam.dev;

import java.util.regex.Pattern;

/**
 * Text from stories, answers and repositories on its way into a prompt: invisible and bidirectional-control
 * characters and HTML comments removed, template braces defused, length capped (design §6: it is data).
 */
final class UntrustedText {

    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\u00AD\\u034F\\u115F\\u1160\\u3164\\uFFA0&&[^\\n\\t]]");
    private static final Pattern HTML_COMMENT = Pattern.compile("<!--.*?(-->|$)", Pattern.DOTALL);

    private UntrustedText() {
    }

    static String clean(String text, int limit) {
        if (text == null) {
            return "";
        }
        String cleaned = HTML_COMMENT.matcher(INVISIBLE.matcher(text).replaceAll("")).replaceAll("");
        // LangChain4j treats {{name}} in prompts as template variables; a story must not be able to inject one.
        cleaned = cleaned.replace("{{", "{ {").replace("}}", "} }");
        return cleaned.length() <= limit ? cleaned : cleaned.substring(0, limit) + " […]";
    }
}
