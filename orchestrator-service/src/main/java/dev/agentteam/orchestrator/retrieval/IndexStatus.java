package dev.agentteam.orchestrator.retrieval;

import java.time.Instant;
import java.util.List;

/**
 * The index of one repository as the API and the UI show it.
 *
 * @param status        NOT_INDEXED, QUEUED, INDEXING, IDLE (up to date with indexed_commit) or FAILED
 * @param indexedCommit the commit the index was last completed at
 * @param targetCommit  the commit the current or last run works towards
 * @param progress      the current or last run
 * @param skipped       the first skipped files with their reasons
 * @param model         the embedding model of the stored vectors
 */
public record IndexStatus(long repositoryId, String status, String trigger, String indexedCommit, String targetCommit,
                          int indexedFiles, int skippedFiles, long chunks, Progress progress, Instant requestedAt,
                          Instant startedAt, Instant finishedAt, String lastError, List<SkippedFile> skipped,
                          String model) {

    /**
     * A run's progress. ETA from the bytes still to read at the rate so far; null before the first batch.
     *
     * @param filesTotal     files new or changed at the start of the run (unchanged files are not counted: they cost nothing)
     * @param chunksEmbedded chunks the model embedded; the other written chunks kept the vectors of unchanged chunks
     */
    public record Progress(int filesDone, int filesTotal, long bytesDone, long bytesTotal, int chunksWritten,
                           int chunksEmbedded, int filesEmbedded, int filesSkipped, int filesRemoved, double percent,
                           Double chunksPerSecond, Long etaSeconds) {
    }

    public boolean running() {
        return "INDEXING".equals(status) || "QUEUED".equals(status);
    }
}
