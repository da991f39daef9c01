package dev.agentteam.orchestrator.retrieval;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden tests of chunk boundaries: each file under {@code retrieval/golden} is chunked and the chunks' lines,
 * language and symbol compared with {@code <file>.<max chars>.chunks} beside it. Run with
 * {@code -Dgolden.update=true} to rewrite the expectations after a deliberate change, then read the diff.
 */
class ChunkerGoldenTest {

    @ParameterizedTest(name = "{0} in chunks of at most {1} characters")
    @CsvSource({
            "Scheduler.java, 1500",
            "Scheduler.java, 200",
            "inventory.py, 1500",
            "api.ts, 1500",
            "widgets.js, 1500",
            "queue.go, 1500",
            "notes.md, 100"})
    void chunksFollowTheDeclarations(String file, int maxChars) throws Exception {
        Path source = golden(file);
        List<Chunk> chunks = new Chunker(maxChars, 2).chunk(file, Files.readString(source));
        String actual = chunks.stream()
                .map(c -> c.startLine() + "-" + c.endLine() + " " + c.language().key() + " " + (c.symbol() == null ? "-" : c.symbol()))
                .collect(Collectors.joining("\n", "", "\n"));
        Path expected = source.resolveSibling(file + "." + maxChars + ".chunks");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(Path.of("src/test/resources/retrieval/golden").resolve(expected.getFileName()), actual);
            return;
        }
        assertThat(actual).isEqualTo(Files.readString(expected));
        String text = Files.readString(source);
        for (Chunk chunk : chunks) {
            List<String> lines = text.lines().toList().subList(chunk.startLine() - 1, chunk.endLine());
            assertThat(String.join("\n", lines)).as("content is exactly its lines").startsWith(chunk.content());
            assertThat(chunk.content().length()).isLessThanOrEqualTo(maxChars);
        }
    }

    private static Path golden(String file) throws URISyntaxException, IOException {
        return Path.of(ChunkerGoldenTest.class.getResource("/retrieval/golden/" + file).toURI());
    }
}
