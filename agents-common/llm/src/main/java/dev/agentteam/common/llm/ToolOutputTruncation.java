package dev.agentteam.common.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts one large tool output to a token limit: its first and last lines stay, the middle is replaced by a note
 * that says which lines were left out and how to read them (line ranges of read_file, or a narrower call).
 */
final class ToolOutputTruncation {

    private static final int MAX_LINE_CHARS = 2_000;
    private static final Pattern FROM_LINE = Pattern.compile("\"from_?[lL]ine\"\\s*:\\s*(\\d+)");

    private final TokenCounter counter;

    ToolOutputTruncation(TokenCounter counter) {
        this.counter = counter;
    }

    /**
     * @param arguments the JSON arguments of the call that produced the output (to name the file's own line numbers)
     * @return the text unchanged when it fits, else its head and tail with a note in between
     */
    String truncate(String toolName, String arguments, String text, int limit) {
        if (text == null || counter.text(text) <= limit) {
            return text;
        }
        String[] lines = text.split("\n", -1);
        int[] cost = new int[lines.length];
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].length() > MAX_LINE_CHARS) {
                lines[i] = lines[i].substring(0, MAX_LINE_CHARS) + " [line cut]";
            }
            cost[i] = counter.text(lines[i]) + 1;
        }
        int room = Math.max(limit - 80, limit / 2);
        // the end of an output (a stack trace's cause, a test summary) tends to matter more than its start
        int headRoom = room * 2 / 5;
        int head = 0;
        int used = 0;
        while (head < lines.length && used + cost[head] <= headRoom) {
            used += cost[head++];
        }
        int tail = lines.length;
        while (tail > head && used + cost[tail - 1] <= room) {
            used += cost[--tail];
        }
        if (tail <= head) {
            return text;
        }
        int base = firstLine(toolName, arguments);
        List<String> kept = new ArrayList<>(List.of(lines).subList(0, head));
        kept.add(note(toolName, base + head, base + tail - 1, lines.length, sum(cost, head, tail)));
        kept.addAll(List.of(lines).subList(tail, lines.length));
        return String.join("\n", kept);
    }

    private static String note(String toolName, int from, int to, int total, int tokens) {
        String how = "read_file".equals(toolName)
                ? "read them with read_file and from_line=" + from + ", to_line=" + to + " (or a smaller range)"
                : "narrow the call (a line range, a smaller directory, a more specific query) to see them";
        return "[… " + (to - from + 1) + " of " + total + " lines not shown (lines " + from + "–" + to + ", ~" + tokens
                + " tokens) to keep the context within budget; " + how + " …]";
    }

    private static int firstLine(String toolName, String arguments) {
        if (!"read_file".equals(toolName) || arguments == null) {
            return 1;
        }
        Matcher m = FROM_LINE.matcher(arguments);
        return m.find() ? Math.max(1, Integer.parseInt(m.group(1))) : 1;
    }

    private static int sum(int[] cost, int from, int to) {
        int s = 0;
        for (int i = from; i < to; i++) {
            s += cost[i];
        }
        return s;
    }
}
