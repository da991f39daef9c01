package dev.agentteam.orchestrator.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import dev.agentteam.orchestrator.support.IntegrationTest;
import dev.agentteam.orchestrator.support.TestApi;
import org.junit.jupiter.api.AfterEach;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The retrieval tests' shared context: imports allowed from the temporary directory (where each test copies the
 * checked-in fixture repository), no background sweep.
 */
@TestPropertySource(properties = {
        "agentteam.forge.import-roots=${java.io.tmpdir}",
        "agentteam.retrieval.sweep-interval=1h"})
abstract class RetrievalTest extends IntegrationTest {

    static final Duration INDEXED = Duration.ofSeconds(90);

    @AfterEach
    void removeRepositories() {
        jdbc.update("delete from pr_records");
        jdbc.update("update epics set repository_id = null");
        jdbc.update("delete from repositories");
    }

    /** Copies the checked-in fixture repository (src/test/resources/retrieval/fixture) into {@code target}. */
    static Path copyFixture(Path target) {
        try {
            Path source = Path.of(RetrievalTest.class.getResource("/retrieval/fixture").toURI());
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path to = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(file, to);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Registers the directory as an embedded repository; returns its id. */
    long register(String name, Path directory) {
        TestApi.Reply created = api.postJson("/api/repositories", "{\"name\": \"" + name + "\", \"test_command\": \"true\", "
                + "\"source\": {\"type\": \"path\", \"path\": \"" + directory + "\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    /** Waits until the index is IDLE at the head the predicate accepts (any when null); returns the state. */
    JsonNode awaitIndexed(long repositoryId, String commit) {
        JsonNode[] state = new JsonNode[1];
        // clock wait: the index runs on its own executor and announces no event
        await().atMost(INDEXED).pollInterval(Duration.ofMillis(100)).until(() -> {
            state[0] = api.get("/api/repositories/" + repositoryId + "/index").json();
            assertThat(state[0].path("status").asString()).as(state[0].toString()).isNotEqualTo("FAILED");
            return state[0].path("status").asString().equals("IDLE")
                    && (commit == null || commit.equals(state[0].path("indexed_commit").asString()));
        });
        return state[0];
    }

    JsonNode search(long repositoryId, String query) {
        TestApi.Reply response = api.get("/api/repositories/" + repositoryId + "/search?q="
                + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8) + "&k=5");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
