package dev.agentteam.review;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The symbols a diff touches: names declared on its added or removed lines first (functions, methods, classes,
 * types), then names those lines call. Their definitions and uses elsewhere in the repository are the context a
 * reviewer needs and the diff does not show.
 */
final class DiffSymbols {

    private static final Pattern DECLARED = Pattern.compile("\\b(?:def|class|function|func|interface|enum|record|type)"
            + "\\s+(?:\\([^)]*\\)\\s*)?([A-Za-z_][A-Za-z0-9_]*)"
            + "|\\b(?:public|private|protected|static)\\s+[\\w<>\\[\\],.? ]+?\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");
    private static final Pattern CALLED = Pattern.compile("(?<![\\w.])([A-Za-z_][A-Za-z0-9_]*)\\s*\\(|\\.([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");
    private static final Set<String> COMMON = Set.of("if", "for", "while", "switch", "catch", "return", "print", "len",
            "range", "str", "int", "float", "list", "dict", "set", "tuple", "sorted", "sum", "min", "max", "isinstance",
            "super", "self", "this", "new", "assert", "assertEqual", "assertTrue", "assertFalse", "assertRaises",
            "assertThat", "isEqualTo", "expect", "require", "append", "get", "put", "add", "equals", "toString",
            "format", "join", "split", "strip", "lower", "upper", "items", "keys", "values", "main", "function", "def",
            "class", "func", "elif", "and", "or", "not", "in", "is", "lambda", "typeof", "println", "printf", "fmt", "Errorf",
            "with", "open", "enumerate", "zip", "map", "filter", "repr", "hash", "iter", "next", "type", "object");

    private DiffSymbols() {
    }

    /** At most {@code limit} symbols, declared ones first, each once, in the order the diff shows them. */
    static List<String> of(String unifiedDiff, int limit) {
        Set<String> declared = new LinkedHashSet<>();
        Set<String> called = new LinkedHashSet<>();
        for (String line : unifiedDiff.split("\n")) {
            if (!(line.startsWith("+") || line.startsWith("-")) || line.startsWith("+++") || line.startsWith("---")) {
                continue;
            }
            String code = line.substring(1);
            Matcher declaration = DECLARED.matcher(code);
            while (declaration.find()) {
                add(declared, declaration.group(1) != null ? declaration.group(1) : declaration.group(2));
            }
            Matcher call = CALLED.matcher(code);
            while (call.find()) {
                add(called, call.group(1) != null ? call.group(1) : call.group(2));
            }
        }
        List<String> symbols = new ArrayList<>(declared);
        called.stream().filter(name -> !declared.contains(name)).forEach(symbols::add);
        return symbols.subList(0, Math.min(limit, symbols.size()));
    }

    private static void add(Set<String> names, String name) {
        if (name != null && name.length() > 2 && !COMMON.contains(name) && !name.startsWith("test")) {
            names.add(name);
        }
    }
}
