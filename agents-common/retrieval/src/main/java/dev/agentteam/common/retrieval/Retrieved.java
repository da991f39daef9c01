package dev.agentteam.common.retrieval;

import java.util.List;

/**
 * What one retrieval returned.
 *
 * @param notice why the results may be incomplete (the repository is still being indexed, retrieval failed), or null
 */
public record Retrieved(String query, List<CodeChunk> chunks, String notice, long tookMs) {

    public static Retrieved unavailable(String query, String reason) {
        return new Retrieved(query, List.of(), reason, 0);
    }
}
