package dev.agentteam.orchestrator.retrieval;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hybrid search beats either of its sides alone on a fixed question set over the checked-in fixture repository:
 * identifier questions ({@code vatAmount}) that full-text search answers and the vector side may not, and
 * questions in other words than the code's ("how many products are in the shopping basket") that only the vector
 * side understands. Measured as mean reciprocal rank, within the top 5, of the chunk that declares the answer.
 */
class HybridQualityTest extends RetrievalTest {

    private static final Logger log = LoggerFactory.getLogger(HybridQualityTest.class);

    @TempDir
    Path temp;

    @Test
    void hybridRanksTheAnsweringFileHigherThanVectorOrFullTextAlone() throws IOException {
        long id = register("quality", copyFixture(temp.resolve("quality")));
        awaitIndexed(id, null);
        List<String[]> questions = questions();
        assertThat(questions).hasSizeGreaterThanOrEqualTo(20);

        double hybrid = mrr(id, questions, "hybrid");
        double vector = mrr(id, questions, "vector");
        double text = mrr(id, questions, "text");

        log.info("Fixture MRR@5 over {} questions: hybrid {}, vector {}, text {}", questions.size(), hybrid, vector, text);
        assertThat(hybrid).as("hybrid vs vector").isGreaterThan(vector);
        assertThat(hybrid).as("hybrid vs text").isGreaterThan(text);
        assertThat(hybrid).isGreaterThanOrEqualTo(0.8);
    }

    private double mrr(long id, List<String[]> questions, String mode) {
        double sum = 0;
        for (String[] question : questions) {
            JsonNode results = api.get("/api/repositories/" + id + "/search?k=5&mode=" + mode + "&q="
                    + URLEncoder.encode(question[0], StandardCharsets.UTF_8)).json().path("results");
            int rank = 0;
            for (int i = 0; i < results.size(); i++) {
                JsonNode hit = results.get(i);
                boolean declares = question[2].equals("-") || java.util.Arrays.stream(question[2].split("\\|"))
                        .anyMatch(java.util.Arrays.asList(hit.path("symbol").asString("").split(", "))::contains);
                if (hit.path("path").asString().equals(question[1]) && declares) {
                    rank = i + 1;
                    break;
                }
            }
            log.info("{} rank {} for '{}'", mode, rank, question[0]);
            sum += rank == 0 ? 0 : 1.0 / rank;
        }
        return sum / questions.size();
    }

    static List<String[]> questions() throws IOException {
        List<String[]> questions = new ArrayList<>();
        try (InputStream in = HybridQualityTest.class.getResourceAsStream("/retrieval/fixture-questions.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    questions.add(line.split("\t"));
                }
            }
        }
        return questions;
    }
}
