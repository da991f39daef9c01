package dev.agentteam.orchestrator.retrieval;

import java.util.List;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;

/**
 * The embedding model in use, with what the index needs to know about it: a name that changes when the vectors
 * would change, its dimension, how much text it reads whole, and how it wants queries phrased.
 *
 * @param name        {@code onnx/bge-small-en-v15-q}, {@code openai/text-embedding-3-small}, ...
 * @param chunkChars  the largest chunk worth giving it
 * @param queryPrefix put before a query (BGE models retrieve better with their instruction), or ""
 */
record Embedder(String name, EmbeddingModel model, int dimension, int chunkChars, String queryPrefix) {

    List<float[]> embed(List<String> texts) {
        List<Embedding> embeddings = model.embedAll(texts.stream().map(TextSegment::from).toList()).content();
        if (embeddings.size() != texts.size()) {
            throw new EmbeddingFailedException("the model returned " + embeddings.size() + " vectors for "
                    + texts.size() + " texts");
        }
        return embeddings.stream().map(e -> check(e.vector())).toList();
    }

    float[] embedQuery(String query) {
        return check(model.embed(queryPrefix + query).content().vector());
    }

    private float[] check(float[] vector) {
        if (vector.length != dimension) {
            throw new EmbeddingFailedException("the model returned " + vector.length + " dimensions, expected " + dimension);
        }
        return vector;
    }

    /** The embedding model failed or is unreachable; indexing stops with this reason, search answers 503. */
    static final class EmbeddingFailedException extends RuntimeException {
        EmbeddingFailedException(String message) {
            super(message);
        }

        EmbeddingFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
