package dev.agentteam.orchestrator.retrieval;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the declarations of a source file start: types, methods and functions at the top level or directly in a
 * type's body, found line by line (braces for Java, JS/TS and Go; indentation for Python). Not a parser: a
 * heuristic that is right on ordinary code and only makes chunks coarser where it is wrong.
 */
final class Declarations {

    /** A declaration starting at {@code line} (0-based), named {@code symbol} ({@code Outer.Inner.method}). */
    record Declaration(int line, String symbol) {
    }

    private static final Set<String> NOT_NAMES = Set.of("if", "for", "while", "switch", "catch", "return", "new",
            "else", "throw", "synchronized", "do", "try", "super", "this", "function", "constructor_", "with", "await");
    private static final String JAVA_MODIFIERS = "(?:(?:public|protected|private|static|final|abstract|sealed|non-sealed"
            + "|strictfp|synchronized|native|default|transient|volatile)\\s+)*";
    private static final Pattern JAVA_TYPE = Pattern.compile("^\\s*(?:@\\w+(?:\\([^)]*\\))?\\s+)*" + JAVA_MODIFIERS
            + "(?:class|interface|enum|record|@interface)\\s+(\\w+)");
    private static final Pattern JAVA_METHOD = Pattern.compile("^\\s*(?:@\\w+(?:\\([^)]*\\))?\\s+)*" + JAVA_MODIFIERS
            + "(?:<[^=;]+?>\\s+)?(?:[\\w.$\\[\\]?]+(?:<[^=;()]*>)?(?:\\[\\])*\\s+)?(\\w+)\\s*\\(");
    private static final Pattern SCRIPT_TYPE = Pattern.compile("^\\s*(?:export\\s+)?(?:default\\s+)?(?:declare\\s+)?"
            + "(?:abstract\\s+)?(?:class|interface|enum)\\s+(\\w+)");
    private static final Pattern SCRIPT_FUNCTION = Pattern.compile("^(?:export\\s+)?(?:default\\s+)?(?:declare\\s+)?"
            + "(?:async\\s+)?function\\s*\\*?\\s*(\\w+)");
    private static final Pattern SCRIPT_BINDING = Pattern.compile("^(?:export\\s+)?(?:const|let|var)\\s+(\\w+)\\s*"
            + "(?::[^=]+)?=\\s*(?:async\\s+)?(?:function\\b|\\([^)]*\\)?\\s*(?::[^=]+)?=>|\\w+\\s*=>|\\()");
    private static final Pattern SCRIPT_TYPE_ALIAS = Pattern.compile("^(?:export\\s+)?type\\s+(\\w+)\\s*(?:<[^>]*>)?\\s*=");
    private static final Pattern SCRIPT_METHOD = Pattern.compile("^\\s*(?:(?:public|private|protected|static|async|"
            + "readonly|abstract|override|get|set)\\s+)*\\*?\\s*(#?\\w+)\\s*(?:<[^>]*>)?\\s*\\([^;]*$");
    private static final Pattern GO_FUNC = Pattern.compile("^func\\s+(?:\\(\\s*\\w*\\s*\\*?\\s*(\\w+)[^)]*\\)\\s*)?(\\w+)");
    private static final Pattern GO_TYPE = Pattern.compile("^type\\s+(\\w+)");
    private static final Pattern PY_DECL = Pattern.compile("^(\\s*)(?:async\\s+)?(def|class)\\s+(\\w+)");

    private Declarations() {
    }

    static List<Declaration> find(Language language, List<String> lines) {
        return switch (language) {
            case JAVA -> braced(lines, JAVA_TYPE, true);
            case JAVASCRIPT, TYPESCRIPT -> braced(lines, SCRIPT_TYPE, false);
            case GO -> go(lines);
            case PYTHON -> python(lines);
            default -> List.of();
        };
    }

    /** Java and JS/TS: declarations at the top level or directly in a type's body, tracked by brace depth. */
    private static List<Declaration> braced(List<String> lines, Pattern typePattern, boolean java) {
        List<Declaration> found = new ArrayList<>();
        Deque<String> types = new ArrayDeque<>();
        Deque<Integer> typeDepths = new ArrayDeque<>();
        CodeLines code = new CodeLines();
        int depth = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = code.strip(lines.get(i));
            boolean memberLevel = depth == 0 || !typeDepths.isEmpty() && depth == typeDepths.peek();
            if (memberLevel && !line.isBlank()) {
                Matcher type = typePattern.matcher(line);
                String name = null;
                boolean isType = false;
                if (type.find()) {
                    name = type.group(1);
                    isType = true;
                } else if (java && !typeDepths.isEmpty()) {
                    name = javaMethod(line);
                } else if (!java) {
                    name = depth == 0 ? scriptTopLevel(line) : scriptMethod(line);
                }
                if (name != null) {
                    found.add(new Declaration(i, qualified(types, name)));
                    if (isType) {
                        types.push(name);
                        typeDepths.push(depth + 1);
                    }
                }
            }
            depth += CodeLines.braceBalance(line);
            while (!typeDepths.isEmpty() && depth < typeDepths.peek()) {
                typeDepths.pop();
                types.pop();
            }
        }
        return found;
    }

    private static String javaMethod(String line) {
        if (line.strip().endsWith(";") && !line.contains(")")) {
            return null;
        }
        Matcher method = JAVA_METHOD.matcher(line);
        if (!method.find() || NOT_NAMES.contains(method.group(1)) || line.contains("=") && line.indexOf('=') < line.indexOf('(')) {
            return null;
        }
        return method.group(1);
    }

    private static String scriptTopLevel(String line) {
        for (Pattern pattern : List.of(SCRIPT_FUNCTION, SCRIPT_BINDING, SCRIPT_TYPE_ALIAS)) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    private static String scriptMethod(String line) {
        Matcher m = SCRIPT_METHOD.matcher(line);
        return m.find() && !NOT_NAMES.contains(m.group(1)) ? m.group(1) : null;
    }

    private static List<Declaration> go(List<String> lines) {
        List<Declaration> found = new ArrayList<>();
        CodeLines code = new CodeLines();
        int depth = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = code.strip(lines.get(i));
            if (depth == 0) {
                Matcher func = GO_FUNC.matcher(line);
                Matcher type = GO_TYPE.matcher(line);
                if (func.find()) {
                    found.add(new Declaration(i, func.group(1) == null ? func.group(2) : func.group(1) + "." + func.group(2)));
                } else if (type.find()) {
                    found.add(new Declaration(i, type.group(1)));
                }
            }
            depth = Math.max(0, depth + CodeLines.braceBalance(line));
        }
        return found;
    }

    /** Top-level functions and classes, and the methods directly in a class; nested functions stay in theirs. */
    private static List<Declaration> python(List<String> lines) {
        List<Declaration> found = new ArrayList<>();
        Deque<int[]> indents = new ArrayDeque<>();
        Deque<String> names = new ArrayDeque<>();
        Deque<Boolean> classes = new ArrayDeque<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = PY_DECL.matcher(lines.get(i));
            if (!m.find()) {
                continue;
            }
            int indent = m.group(1).replace("\t", "    ").length();
            while (!indents.isEmpty() && indents.peek()[0] >= indent) {
                indents.pop();
                names.pop();
                classes.pop();
            }
            boolean boundary = indents.isEmpty() || Boolean.TRUE.equals(classes.peek());
            String name = m.group(3);
            if (boundary) {
                found.add(new Declaration(i, qualified(names, name)));
            }
            indents.push(new int[] {indent});
            names.push(name);
            classes.push(m.group(2).equals("class") && boundary);
        }
        return found;
    }

    private static String qualified(Deque<String> outer, String name) {
        if (outer.isEmpty()) {
            return name;
        }
        List<String> parts = new ArrayList<>(outer);
        java.util.Collections.reverse(parts);
        return String.join(".", parts) + "." + name;
    }
}
