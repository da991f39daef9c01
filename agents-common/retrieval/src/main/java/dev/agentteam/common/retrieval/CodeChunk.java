package dev.agentteam.common.retrieval;

/**
 * A piece of a repository file that retrieval returned.
 *
 * @param startLine first line (1-based)
 * @param endLine   last line (inclusive)
 * @param symbol    the declarations in the chunk, or null
 * @param score     the fused rank score (higher is better)
 */
public record CodeChunk(String path, int startLine, int endLine, String symbol, double score, String snippet) {

    /** {@code path:12-40 (symbol)}, as the model and the audit trail see a chunk's place. */
    public String location() {
        return path + ":" + startLine + "-" + endLine + (symbol == null || symbol.isBlank() ? "" : " (" + symbol + ")");
    }
}
