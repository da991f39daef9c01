package dev.agentteam.orchestrator.retrieval;

import java.util.List;

/**
 * A file as the index is about to store it: its chunks with their vectors, or the reason it is skipped.
 *
 * @param vectors one per chunk, in order (null: the chunk waits for the vector pass); empty when skipped
 */
record IndexedFile(TreeFile file, Language language, List<Chunk> chunks, List<float[]> vectors, String skipReason) {

    static IndexedFile skipped(TreeFile file, String reason) {
        return new IndexedFile(file, Language.of(file.path()), List.of(), List.of(), reason);
    }
}
