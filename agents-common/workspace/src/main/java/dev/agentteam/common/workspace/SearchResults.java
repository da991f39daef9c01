package dev.agentteam.common.workspace;

import java.util.List;

/** Matching lines in path order; {@code truncated} when the cap was reached. */
public record SearchResults(List<SearchHit> hits, boolean truncated) {

    public SearchResults {
        hits = List.copyOf(hits);
    }
}
