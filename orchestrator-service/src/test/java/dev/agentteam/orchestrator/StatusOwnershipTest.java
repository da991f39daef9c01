package dev.agentteam.orchestrator;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each status column has one owning package (docs/adr/lifecycles.md): no SQL in any other package of the main sources writes
 * {@code stories.status}, {@code epics.status} or {@code pr_records.status}, nor inserts into those tables.
 */
class StatusOwnershipTest {

    private static final Path MAIN = Path.of("src/main/java/dev/agentteam/orchestrator");
    private static final Map<String, String> OWNERS = Map.of("stories", "backlog", "epics", "backlog",
            "pr_records", "pullrequest");
    private static final Pattern UPDATE = Pattern.compile("update\\s+(stories|epics|pr_records)\\s+set\\s+(.*?)(\\bwhere\\b|\"\"\"|\";)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern INSERT = Pattern.compile("insert\\s+into\\s+(stories|epics|pr_records)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern STATUS = Pattern.compile("(?<![\\w.])status\\s*=", Pattern.CASE_INSENSITIVE);

    @Test
    void onlyTheOwningPackageWritesAStatus() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter(file -> file.toString().endsWith(".java"))
                    .forEach(file -> violations.addAll(writers(MAIN.relativize(file).getName(0).toString(), read(file), file)));
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theScanFindsAWriterOutsideTheOwner() {
        String sql = "jdbc.sql(\"\"\"\n update stories set updated_at = now(),\n status = 'DONE' where id = ?\"\"\")";
        assertThat(writers("delivery", sql, Path.of("Sample.java"))).hasSize(1);
        assertThat(writers("backlog", sql, Path.of("Sample.java"))).isEmpty();
        assertThat(writers("quality", "update pr_records set ci_status = ? where id = ?", Path.of("Q.java"))).isEmpty();
        assertThat(writers("delivery", "insert into pr_records (repo) values (?)", Path.of("D.java"))).hasSize(1);
    }

    private static List<String> writers(String feature, String source, Path file) {
        List<String> found = new ArrayList<>();
        Matcher update = UPDATE.matcher(source);
        while (update.find()) {
            String table = update.group(1).toLowerCase();
            if (STATUS.matcher(update.group(2)).find() && !OWNERS.get(table).equals(feature)) {
                found.add(file + " writes " + table + ".status; only the " + OWNERS.get(table) + " package may");
            }
        }
        Matcher insert = INSERT.matcher(source);
        while (insert.find()) {
            String table = insert.group(1).toLowerCase();
            if (!OWNERS.get(table).equals(feature)) {
                found.add(file + " inserts into " + table + "; only the " + OWNERS.get(table) + " package may");
            }
        }
        return found;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
