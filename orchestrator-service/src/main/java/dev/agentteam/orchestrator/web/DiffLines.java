package dev.agentteam.orchestrator.web;

import java.util.ArrayList;
import java.util.List;

/** A unified diff split into lines classified for colouring: file headers, hunks, additions, deletions, context. */
final class DiffLines {

    /** Lines shown on the page; a longer diff is cut with a note (the API serves it whole). */
    static final int MAX_LINES = 5000;

    private DiffLines() {
    }

    /** @param kind file, meta, hunk, add, del or ctx */
    record Line(String kind, String text) {
    }

    record Diff(List<Line> lines, int files, int additions, int deletions, boolean truncated) {
    }

    static Diff parse(String unified) {
        List<Line> lines = new ArrayList<>();
        int files = 0;
        int additions = 0;
        int deletions = 0;
        boolean truncated = false;
        for (String text : unified == null ? List.<String>of() : unified.lines().toList()) {
            String kind = kind(text);
            switch (kind) {
                case "file" -> files++;
                case "add" -> additions++;
                case "del" -> deletions++;
                default -> { }
            }
            if (lines.size() < MAX_LINES) {
                lines.add(new Line(kind, "file".equals(kind) ? fileName(text) : text));
            } else {
                truncated = true;
            }
        }
        return new Diff(lines, files, additions, deletions, truncated);
    }

    private static String kind(String text) {
        if (text.startsWith("diff --git ")) {
            return "file";
        }
        if (text.startsWith("+++ ") || text.startsWith("--- ") || text.startsWith("index ") || text.startsWith("new file")
                || text.startsWith("deleted file") || text.startsWith("similarity ") || text.startsWith("rename ")
                || text.startsWith("old mode") || text.startsWith("new mode") || text.startsWith("Binary files")) {
            return "meta";
        }
        if (text.startsWith("@@")) {
            return "hunk";
        }
        if (text.startsWith("+")) {
            return "add";
        }
        if (text.startsWith("-")) {
            return "del";
        }
        return "ctx";
    }

    /** {@code diff --git a/src/x b/src/x} → {@code src/x}. */
    private static String fileName(String header) {
        int b = header.lastIndexOf(" b/");
        return b < 0 ? header.substring("diff --git ".length()) : header.substring(b + 3);
    }
}
