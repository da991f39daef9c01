package dev.agentteam.orchestrator.retrieval;

import java.util.List;

/**
 * What a search returns: the chunks, best first, how long it took, and whether the index behind it is complete.
 *
 * @param index the state of the repository's index; {@code complete} false means the results come from what is
 *              indexed so far, and {@code notice} says so in words
 */
public record SearchResults(List<SearchHit> results, long tookMs, IndexSummary index) {

    /** The index as a search reports it. */
    public record IndexSummary(String status, boolean complete, String indexedCommit, String notice) {
    }
}
