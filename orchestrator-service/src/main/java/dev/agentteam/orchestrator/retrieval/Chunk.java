package dev.agentteam.orchestrator.retrieval;

/**
 * A piece of a file the index stores and embeds.
 *
 * @param startLine first line, 1-based
 * @param endLine   last line, inclusive
 * @param symbol    the declaration the chunk belongs to ({@code HashMap.resize}, {@code words}), or null
 */
record Chunk(String path, int startLine, int endLine, Language language, String symbol, String content) {

    /** What the model embeds: where the chunk is and what it declares, then the code itself. */
    String embeddingText() {
        return embeddingText(path, symbol, content);
    }

    static String embeddingText(String path, String symbol, String content) {
        return path + (symbol == null ? "" : " " + symbol) + "\n" + content;
    }
}
