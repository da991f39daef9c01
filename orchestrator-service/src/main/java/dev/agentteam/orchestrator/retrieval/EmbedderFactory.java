package dev.agentteam.orchestrator.retrieval;

import java.util.Locale;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.ollama.OllamaEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the configured {@link Embedder}; an endpoint's dimension is learnt from one probe call. */
final class EmbedderFactory {

    private static final Logger log = LoggerFactory.getLogger(EmbedderFactory.class);
    /** MiniLM's tokenizer cuts at 128 tokens: about 400 characters of code after the path line. */
    static final int MINILM_CHUNK_CHARS = 400;
    /** BGE reads 512 tokens whole. */
    static final int BGE_CHUNK_CHARS = 1500;
    static final int ENDPOINT_CHUNK_CHARS = 1500;
    private static final String BGE_QUERY_PREFIX = "Represent this sentence for searching relevant passages: ";

    private EmbedderFactory() {
    }

    static Embedder create(RetrievalProperties properties) {
        String provider = properties.provider().strip().toLowerCase(Locale.ROOT);
        String model = properties.model().strip();
        long start = System.nanoTime();
        Embedder embedder = switch (provider) {
            case "onnx" -> onnx(model, properties.chunkChars());
            case "openai" -> endpoint("openai/" + model, OpenAiEmbeddingModel.builder()
                    .baseUrl(properties.baseUrl() == null ? null : properties.baseUrl().toString())
                    .apiKey(properties.apiKey() == null ? "none" : properties.apiKey())
                    .modelName(model).timeout(properties.timeout()).maxRetries(2).build(), properties);
            case "ollama" -> endpoint("ollama/" + model, OllamaEmbeddingModel.builder()
                    .baseUrl(properties.baseUrl() == null ? "http://127.0.0.1:11434" : properties.baseUrl().toString())
                    .modelName(model).timeout(properties.timeout()).maxRetries(2).build(), properties);
            default -> throw new IllegalArgumentException("agentteam.retrieval.provider must be onnx, openai or ollama, "
                    + "was '" + properties.provider() + "'");
        };
        log.info("Embedding model {} ({} dimensions, chunks up to {} characters) ready in {} ms", embedder.name(),
                embedder.dimension(), embedder.chunkChars(), (System.nanoTime() - start) / 1_000_000);
        return embedder;
    }

    private static Embedder onnx(String model, Integer chunkChars) {
        return switch (model) {
            case "bge-small-en-v15-q" -> new Embedder("onnx/" + model, new BgeSmallEnV15QuantizedEmbeddingModel(), 384,
                    chunkChars != null ? chunkChars : BGE_CHUNK_CHARS, BGE_QUERY_PREFIX);
            case "all-minilm-l6-v2-q" -> new Embedder("onnx/" + model, new AllMiniLmL6V2QuantizedEmbeddingModel(), 384,
                    chunkChars != null ? chunkChars : MINILM_CHUNK_CHARS, "");
            default -> throw new IllegalArgumentException("agentteam.retrieval.model for provider onnx must be "
                    + "bge-small-en-v15-q or all-minilm-l6-v2-q, was '" + model + "'");
        };
    }

    private static Embedder endpoint(String name, EmbeddingModel model, RetrievalProperties properties) {
        int dimension;
        try {
            dimension = model.embed("dimension probe").content().dimension();
        } catch (RuntimeException e) {
            throw new Embedder.EmbeddingFailedException("the embedding endpoint of " + name + " did not answer: "
                    + e.getMessage(), e);
        }
        return new Embedder(name, model, dimension,
                properties.chunkChars() != null ? properties.chunkChars() : ENDPOINT_CHUNK_CHARS, "");
    }
}
