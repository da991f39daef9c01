package dev.agentteam.orchestrator.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a file into chunks no larger than the embedding model reads whole ({@code maxChars}). Code of the
 * languages {@link Declarations} knows is split where its declarations start, each chunk carrying the comments and
 * annotations above its declaration and the declaration's name; a declaration too long for one chunk continues in
 * line windows under the same name. Everything else is cut into line windows that overlap by {@code overlapLines}.
 * A licence header at the top of a file is left out: it is the same in every file and says nothing about the code.
 */
final class Chunker {

    /** Declarations smaller than this together (a getter, a one-line function) share a chunk. */
    static final int MERGE_CHARS = 240;

    private static final java.util.regex.Pattern IMPORT =
            java.util.regex.Pattern.compile("(package|import)\\b|from \\S+ import\\b|\\)$|\"[^\"]*\"$");
    private final int maxChars;
    private final int overlapLines;
    private final int mergeChars;

    Chunker(int maxChars, int overlapLines) {
        if (maxChars < 100) {
            throw new IllegalArgumentException("chunks need at least 100 characters, got " + maxChars);
        }
        this.maxChars = maxChars;
        this.overlapLines = Math.max(0, overlapLines);
        this.mergeChars = Math.min(MERGE_CHARS, maxChars / 2);
    }

    List<Chunk> chunk(String path, String text) {
        Language language = Language.of(path);
        List<String> lines = List.of(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
        int first = licenceEnd(lines);
        List<Chunk> chunks = new ArrayList<>();
        if (!language.splitsAtDeclarations()) {
            windows(path, language, lines, first, lines.size(), null, chunks);
            return chunks;
        }
        List<Declarations.Declaration> declarations = Declarations.find(language, lines);
        List<int[]> spans = new ArrayList<>();
        List<String> symbols = new ArrayList<>();
        int start = first;
        String symbol = null;
        for (Declarations.Declaration declaration : declarations) {
            int begin = Math.max(first, leadingComments(lines, declaration.line(), start));
            if (begin > start) {
                spans.add(new int[] {start, begin});
                symbols.add(symbol);
                start = begin;
            }
            symbol = declaration.symbol();
        }
        spans.add(new int[] {start, lines.size()});
        symbols.add(symbol);
        for (int i = 0; i < spans.size(); i++) {
            int head = i;
            int end = spans.get(i)[1];
            // tiny neighbours (fields, getters, one-line functions) travel together while they stay small
            while (i + 1 < spans.size() && chars(lines, spans.get(head)[0], spans.get(i + 1)[1]) <= mergeChars) {
                end = spans.get(++i)[1];
            }
            List<String> declared = symbols.subList(head, i + 1).stream().filter(java.util.Objects::nonNull).distinct().toList();
            String named = declared.isEmpty() ? null : String.join(", ", declared);
            windows(path, language, lines, spans.get(head)[0], end, named, chunks);
        }
        return chunks;
    }

    /** Lines [from, to) as chunks of at most maxChars, blank edges trimmed, overlapping when split. */
    private void windows(String path, Language language, List<String> lines, int from, int to, String symbol,
                         List<Chunk> out) {
        while (from < to && lines.get(from).isBlank()) {
            from++;
        }
        while (to > from && lines.get(to - 1).isBlank()) {
            to--;
        }
        int start = from;
        while (start < to) {
            int end = start;
            int size = 0;
            while (end < to && (end == start || size + lines.get(end).length() + 1 <= maxChars)) {
                size += lines.get(end).length() + 1;
                end++;
            }
            String content = String.join("\n", lines.subList(start, end));
            if (content.length() > maxChars) {
                content = content.substring(0, maxChars);
            }
            if (!content.isBlank() && !onlyImports(content)) {
                out.add(new Chunk(path, start + 1, end, language, symbol, content));
            }
            if (end >= to) {
                break;
            }
            start = Math.max(start + 1, end - overlapLines);
        }
    }

    /** A package line and imports only: nothing a question could be about. */
    private static boolean onlyImports(String content) {
        return content.lines().map(String::strip).filter(line -> !line.isEmpty())
                .allMatch(line -> IMPORT.matcher(line).lookingAt());
    }

    /** Where the comments and annotations directly above a declaration begin (not before {@code floor}). */
    private static int leadingComments(List<String> lines, int declaration, int floor) {
        int begin = declaration;
        while (begin - 1 >= floor && isCommentOrAnnotation(lines.get(begin - 1).strip())) {
            begin--;
        }
        return begin;
    }

    private static boolean isCommentOrAnnotation(String line) {
        return line.startsWith("/*") || line.startsWith("*") || line.startsWith("//") || line.startsWith("@")
                || line.startsWith("#") && !line.startsWith("#!") || line.endsWith("*/");
    }

    /** The line after a leading comment block that mentions a copyright or licence, else 0. */
    static int licenceEnd(List<String> lines) {
        int i = 0;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        int start = i;
        if (i < lines.size() && lines.get(i).strip().startsWith("/*")) {
            while (i < lines.size() && !lines.get(i).contains("*/")) {
                i++;
            }
            i++;
        } else {
            while (i < lines.size() && (lines.get(i).strip().startsWith("#") && !lines.get(i).startsWith("#!")
                    || lines.get(i).strip().startsWith("//"))) {
                i++;
            }
        }
        String header = String.join("\n", lines.subList(start, Math.min(i, lines.size()))).toLowerCase(Locale.ROOT);
        return header.contains("copyright") || header.contains("license") || header.contains("licence")
                ? Math.min(i, lines.size()) : 0;
    }

    private static int chars(List<String> lines, int from, int to) {
        int size = 0;
        for (int i = from; i < to; i++) {
            size += lines.get(i).length() + 1;
        }
        return size;
    }
}
