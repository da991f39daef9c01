package dev.agentteam.orchestrator.retrieval;

/**
 * One chunk a search found.
 *
 * @param score   the fused reciprocal-rank score (higher is better; about 0.033 at most)
 * @param snippet the chunk's text
 */
public record SearchHit(String path, int startLine, int endLine, String symbol, String language, double score,
                        String snippet) {
}
