package dev.agentteam.orchestrator.retrieval;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Retrieval over the code ({@code agentteam.retrieval.*}; docs/adr/retrieval.md).
 *
 * @param enabled         false: nothing is indexed and search answers 503
 * @param provider        where embeddings come from: {@code onnx} (in-process, offline), {@code openai} (any
 *                        OpenAI-compatible endpoint) or {@code ollama}
 * @param model           the model: for onnx {@code bge-small-en-v15-q} or {@code all-minilm-l6-v2-q}; for the
 *                        endpoints their model name
 * @param baseUrl         the endpoint of openai/ollama (unset: OpenAI's own, Ollama's localhost)
 * @param apiKey          the endpoint's key (a secret: environment or Docker secret only)
 * @param timeout         per embedding request to an endpoint
 * @param chunkChars      largest chunk; unset: what the model reads whole (ONNX models), else 1500
 * @param overlapLines    lines two line windows share
 * @param maxFileSize     larger files are skipped with their reason
 * @param skipDirectories directory names whose files are vendored or generated, skipped anywhere in the tree
 * @param batchSize       chunks embedded per model call
 * @param sweepInterval   how often the default branches are compared with what is indexed (missed events,
 *                        restarts); 0 turns the sweep off
 * @param maxQueryChars   longest accepted query
 * @param maxResults      largest k
 * @param candidates      how many chunks each side (vector, full text) proposes before fusion
 * @param efSearch        pgvector's hnsw.ef_search for the vector side
 * @param textWeight      the full-text ranking's weight in the fusion (the vector ranking's is 1): its ranking of
 *                        natural-language questions is noisier (no term statistics), so it counts less
 * @param textScan        the most full-text matches of each kind (all words, a word in path or symbol, any word)
 *                        that are ranked: bounds the full-text side's cost however frequent the words are
 */
@ConfigurationProperties("agentteam.retrieval")
public record RetrievalProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("onnx") String provider,
        @DefaultValue("bge-small-en-v15-q") String model,
        URI baseUrl,
        String apiKey,
        @DefaultValue("60s") Duration timeout,
        Integer chunkChars,
        @DefaultValue("2") int overlapLines,
        @DefaultValue("1MB") DataSize maxFileSize,
        @DefaultValue({"node_modules", "vendor", "third_party", "dist", "build", "target", "out", "__pycache__", ".venv",
                "venv", ".idea", ".gradle", ".mvn", "generated", "coverage", ".next", ".tox"}) List<String> skipDirectories,
        @DefaultValue("16") int batchSize,
        @DefaultValue("60s") Duration sweepInterval,
        @DefaultValue("1000") int maxQueryChars,
        @DefaultValue("50") int maxResults,
        @DefaultValue("60") int candidates,
        @DefaultValue("60") int efSearch,
        @DefaultValue("0.5") double textWeight,
        @DefaultValue("500") int textScan) {

    public RetrievalProperties {
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        baseUrl = baseUrl == null || baseUrl.toString().isBlank() ? null : baseUrl;
        skipDirectories = List.copyOf(skipDirectories);
        if (batchSize < 1 || maxQueryChars < 1 || maxResults < 1 || candidates < maxResults || efSearch < candidates
                || textScan < candidates) {
            throw new IllegalArgumentException("agentteam.retrieval: batch-size, max-query-chars and max-results must be "
                    + "positive, candidates >= max-results, ef-search >= candidates and text-scan >= candidates");
        }
        if (textWeight < 0 || textWeight > 10) {
            throw new IllegalArgumentException("agentteam.retrieval.text-weight must be between 0 and 10, was " + textWeight);
        }
        if (chunkChars != null && chunkChars < 200) {
            throw new IllegalArgumentException("agentteam.retrieval.chunk-chars must be at least 200, was " + chunkChars);
        }
    }

    @Override
    public String toString() {
        return "RetrievalProperties[enabled=" + enabled + ", provider=" + provider + ", model=" + model + ", baseUrl="
                + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "***") + ", chunkChars=" + chunkChars
                + ", maxFileSize=" + maxFileSize + "]";
    }
}
