package dev.agentteam.orchestrator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds SQL writes (insert, update, delete, truncate, merge) in the string literals of Java sources and reports
 * those that write a table owned by another module. Bytecode does not show which table a string names, so this
 * reads the sources; only names of tables the migrations create count, so prose in literals is not mistaken.
 */
final class SqlWrites {

    private static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    private static final Pattern WRITE = Pattern.compile(
            "(?i)\\b(?:insert\\s+into|update|delete\\s+from|truncate(?:\\s+table)?|merge\\s+into)\\s+([a-z_][a-z0-9_]*)");
    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");

    private SqlWrites() {
    }

    /** Every table a migration in {@code migrations} creates. */
    static Set<String> tablesCreatedBy(Path migrations) {
        Set<String> tables = new TreeSet<>();
        for (Path file : files(migrations, ".sql")) {
            Matcher created = CREATE_TABLE.matcher(read(file));
            while (created.find()) {
                tables.add(created.group(1).toLowerCase());
            }
        }
        return tables;
    }

    /**
     * "module.Class writes table (owned by owner)" for each write under {@code sources} whose table belongs to another
     * module than the one (first package below {@code rootPackage}) the writing class lives in.
     */
    static List<String> foreignWrites(Path sources, String rootPackage, Map<String, String> owners) {
        Path root = sources.resolve(rootPackage.replace('.', '/'));
        List<String> violations = new ArrayList<>();
        for (Path file : files(root, ".java")) {
            Path relative = root.relativize(file);
            if (relative.getNameCount() < 2) {
                continue;
            }
            String module = relative.getName(0).toString();
            String source = read(file);
            Matcher literal = LITERAL.matcher(source);
            while (literal.find()) {
                String text = literal.group(1) != null ? literal.group(1) : literal.group(2);
                Matcher write = WRITE.matcher(text);
                while (write.find()) {
                    String table = write.group(1).toLowerCase();
                    String owner = owners.get(table);
                    if (owner != null && !owner.equals(module)) {
                        violations.add(module + "." + file.getFileName().toString().replace(".java", "")
                                + " writes " + table + " (owned by " + owner + ")");
                    }
                }
            }
        }
        return violations.stream().distinct().sorted().toList();
    }

    private static List<Path> files(Path folder, String suffix) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(path -> path.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
