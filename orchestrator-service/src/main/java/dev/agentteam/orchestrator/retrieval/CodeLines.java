package dev.agentteam.orchestrator.retrieval;

/**
 * Lines of C-like code with their comments and string literals removed, so braces inside them are not counted.
 * Keeps the block-comment state from one line to the next.
 */
final class CodeLines {

    private boolean inBlockComment;

    /** The line without comments, string and character literals (their quotes stay, their content goes). */
    String strip(String line) {
        StringBuilder out = new StringBuilder(line.length());
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (inBlockComment) {
                int end = line.indexOf("*/", i);
                if (end < 0) {
                    return out.toString();
                }
                inBlockComment = false;
                i = end + 2;
            } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '*') {
                inBlockComment = true;
                i += 2;
            } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                return out.toString();
            } else if (c == '"' || c == '\'' || c == '`') {
                i = skipLiteral(line, i, c);
                out.append(c).append(c);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int skipLiteral(String line, int start, char quote) {
        int i = start + 1;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return line.length();
    }

    static int braceBalance(String strippedLine) {
        int balance = 0;
        for (int i = 0; i < strippedLine.length(); i++) {
            char c = strippedLine.charAt(i);
            if (c == '{') {
                balance++;
            } else if (c == '}') {
                balance--;
            }
        }
        return balance;
    }
}
