package dev.agentteam.orchestrator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.agentteam.orchestrator.forge.ForgeProperties;
import dev.agentteam.orchestrator.support.IntegrationTest;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Ref;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scripts/backup.sh and scripts/restore.sh around a running orchestrator: its database and its forge's repositories
 * are backed up, restored into a fresh database and an empty data directory, and every epic, story, pull request,
 * agent log and repository (with its git refs) is found there unchanged. Damaged backups and non-empty targets are refused.
 */
class BackupRestoreTest extends IntegrationTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final List<String> TABLES = List.of("epics", "stories", "pr_records", "agent_logs", "repositories",
            "users", "tasks", "flyway_schema_history");

    private final String source = System.getenv().getOrDefault("AGENT_TEAM_TEST_DB", "agentteam_test");
    private final String target = source + "_restore_" + ProcessHandle.current().pid();

    @Autowired
    private ForgeProperties forge;

    @TempDir
    private Path work;

    @AfterEach
    void dropTarget() throws SQLException {
        superuser("postgres", "drop database if exists " + target + " with (force)");
    }

    @Test
    void aBackupRestoresIntoAFreshDatabaseAndDataDirectoryWithNothingLost() throws Exception {
        String repository = "backup-demo-" + System.nanoTime();
        assertThat(api.postJson("/api/repositories", "{\"name\": \"" + repository
                + "\", \"source\": {\"type\": \"template\", \"template\": \"demo-python\"}}").status()).isEqualTo(201);
        long epic = api.postJson("/api/epics", """
                {"title": "Word frequencies", "description": "Writers want to see which words they repeat.", "owner_id": 1}
                """).json().path("id").asLong();
        long story = jdbc.queryForObject("insert into stories (epic_id, title, statement) values (?, 'Count words', "
                + "'As a writer I want word counts') returning id", Long.class, epic);
        jdbc.update("insert into pr_records (story_id, pr_number, repo, branch, head_sha) values (?, 7, ?, ?, ?)",
                story, "agentteam/" + repository, "feature/ISSUE-" + story, "0123456789abcdef0123456789abcdef01234567");
        jdbc.update("insert into agent_logs (agent, prompt, response, decision) values ('dev', 'the prompt', 'the answer', 'done')");

        Path backups = work.resolve("backups");
        Process backup = script("backup.sh", Map.of("PGDATABASE", source, "AGENTTEAM_BACKUP_DIR", backups.toString(),
                "AGENTTEAM_BACKUP_DATA_DIR", forge.dataDir().toString()));
        assertThat(backup.exitValue()).as(output(backup)).isZero();
        Path made = Path.of(output(backup).lines().filter(l -> l.contains("agentteam-")).reduce((a, b) -> b).orElseThrow().strip());
        assertThat(made.resolve("MANIFEST")).content().contains("database.dump", "data.tar.gz");

        freshTarget();
        Path restoredData = work.resolve("restored-data");
        Process restore = restore(made, restoredData);
        assertThat(restore.exitValue()).as(output(restore)).isZero();

        JdbcTemplate restored = new JdbcTemplate(new DriverManagerDataSource(SERVER + target, "agentteam", "agentteam-local-dev"));
        for (String table : TABLES) {
            assertThat(fingerprint(restored, table)).as(table).isEqualTo(fingerprint(jdbc, table));
        }
        assertThat(restored.queryForObject("select count(*) from pr_records where story_id = ?", Long.class, story)).isEqualTo(1);
        assertThat(restored.queryForObject("select response from agent_logs where prompt = 'the prompt'", String.class))
                .isEqualTo("the answer");
        assertThat(refs(restoredData.resolve("repos/" + repository + ".git")))
                .isEqualTo(refs(forge.reposDir().resolve(repository + ".git"))).isNotEmpty();

        // The same backup into a database that now has tables: refused, nothing touched.
        Process again = restore(made, work.resolve("other-data"));
        assertThat(again.exitValue()).isNotZero();
        assertThat(output(again)).contains("is not empty");
    }

    @Test
    void aDamagedBackupIsRefused() throws Exception {
        Path backups = work.resolve("backups");
        Process backup = script("backup.sh", Map.of("PGDATABASE", source, "AGENTTEAM_BACKUP_DIR", backups.toString(),
                "AGENTTEAM_BACKUP_DATA_DIR", forge.dataDir().toString()));
        assertThat(backup.exitValue()).as(output(backup)).isZero();
        Path made;
        try (Stream<Path> list = Files.list(backups)) {
            made = list.filter(p -> p.getFileName().toString().startsWith("agentteam-")).findFirst().orElseThrow();
        }
        Files.write(made.resolve("database.dump"), new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
        freshTarget();

        Process restore = restore(made, work.resolve("restored-data"));
        assertThat(restore.exitValue()).isNotZero();
        assertThat(output(restore)).contains("checksums do not match");
        assertThat(new JdbcTemplate(new DriverManagerDataSource(SERVER + target, "agentteam", "agentteam-local-dev"))
                .queryForObject("select count(*) from information_schema.tables where table_schema = 'public'", Long.class))
                .isZero();
    }

    private void freshTarget() throws SQLException {
        superuser("postgres", "drop database if exists " + target + " with (force)", "create database " + target + " owner agentteam");
        superuser(target, "create extension vector");
    }

    private Process restore(Path backup, Path dataDir) throws Exception {
        return script("restore.sh", Map.of("PGDATABASE", target, "AGENTTEAM_RESTORE_DATA_DIR", dataDir.toString()), backup.toString());
    }

    private Process script(String name, Map<String, String> settings, String... args) throws Exception {
        var command = new java.util.ArrayList<>(List.of("bash", Path.of("../scripts", name).toAbsolutePath().normalize().toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve(name + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.putAll(new HashMap<>(Map.of("PGHOST", "127.0.0.1", "PGPORT", "5432", "PGUSER", "agentteam",
                "PGPASSWORD", "agentteam-local-dev")));
        env.putAll(settings);
        Process process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return process;
    }

    private String output(Process process) {
        try (Stream<Path> logs = Files.list(work)) {
            return String.join("\n", logs.filter(p -> p.toString().endsWith(".log")).map(p -> {
                try {
                    return Files.readString(p, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fingerprint(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from "
                + table + " t", String.class);
    }

    private static Map<String, String> refs(Path bare) throws IOException {
        try (Git git = Git.open(bare.toFile())) {
            Map<String, String> refs = new HashMap<>();
            for (Ref ref : git.getRepository().getRefDatabase().getRefs()) {
                refs.put(ref.getName(), ref.getObjectId().getName());
            }
            return refs;
        }
    }

    private static void superuser(String database, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER + database, "postgres", "");
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
