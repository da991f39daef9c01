package dev.agentteam.orchestrator.retrieval;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files the index must not choke on — a 50 MB file, text that is not UTF-8, binary content, a vendored directory,
 * a symbolic link loop — are skipped with their reason, and the run still ends IDLE with the rest indexed.
 */
class SkippedFilesTest extends RetrievalTest {

    @TempDir
    Path temp;

    @Test
    void hostileFilesAreSkippedWithTheirReasonAndTheIndexIsNotStuck() throws Exception {
        Path repo = copyFixture(temp.resolve("hostile"));
        try (OutputStream out = Files.newOutputStream(Files.createDirectories(repo.resolve("data")).resolve("huge.txt"))) {
            byte[] line = "a line of a very large generated file\n".getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < 50L * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
        Files.write(repo.resolve("legacy.txt"), "caf\u00e9 in Latin-1".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(repo.resolve("blob.dat"), new byte[] {'G', 'I', 'F', 0, 1, 2, 0, 3});
        Files.createDirectories(repo.resolve("node_modules/left-pad"));
        Files.writeString(repo.resolve("node_modules/left-pad/index.js"), "module.exports = function leftPad() {};\n");
        Files.createSymbolicLink(repo.resolve("loop"), Path.of("."));
        Files.createSymbolicLink(repo.resolve("self"), Path.of("self"));
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("hostile files").setAuthor("t", "t@local").setCommitter("t", "t@local").call();
        }

        long id = register("hostile", repo);
        JsonNode state = awaitIndexed(id, null);

        assertThat(state.path("indexed_files").asInt()).isEqualTo(9);
        Map<String, String> skipped = new java.util.TreeMap<>();
        StreamSupport.stream(state.path("skipped").spliterator(), false)
                .forEach(s -> skipped.put(s.path("path").asString(), s.path("reason").asString()));
        assertThat(skipped).containsOnlyKeys("data/huge.txt", "legacy.txt", "blob.dat", "node_modules/left-pad/index.js",
                "loop", "self");
        assertThat(skipped.get("data/huge.txt")).startsWith("larger than the limit of 1024 KB (5242")
                .doesNotContain("NUL");
        assertThat(skipped.get("legacy.txt")).isEqualTo("not UTF-8 text");
        assertThat(skipped.get("blob.dat")).isEqualTo("binary content (NUL bytes)");
        assertThat(skipped.get("node_modules/left-pad/index.js")).isEqualTo("in the vendored or generated directory node_modules/");
        assertThat(skipped.get("loop")).isEqualTo("symbolic link (never followed)");
        assertThat(skipped.get("self")).isEqualTo("symbolic link (never followed)");
        assertThat(state.path("skipped_files").asInt()).isEqualTo(6);
        assertThat(jdbc.queryForObject("select count(*) from embeddings where repository_id = ? and source in "
                + "('data/huge.txt', 'legacy.txt', 'blob.dat', 'loop', 'self')", Integer.class, id)).isZero();
        assertThat(search(id, "parse host").path("results").get(0).path("path").asString()).isEqualTo("net/urls.py");
    }
}
